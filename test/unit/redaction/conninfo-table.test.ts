import { describe, expect, it } from 'vitest'
import { redactConnectionString } from '../../../src/main/engine/profiles/redact'

describe('redactConnectionString: libpq key=value strings', () => {
  it.each([
    [
      'plain password',
      'host=h user=u password=hunter2 dbname=db',
      'host=h user=u password=******** dbname=db',
    ],
    ['quoted password with escapes', "password='it\\'s \\\\ hunter2'", 'password=********'],
    [
      'backslash-escaped unquoted password',
      "password=se\\ cr\\'et host=h",
      'password=******** host=h',
    ],
    ['spaces around = and tabs/newlines', 'host = h\tport=\n5432', 'host=h port=5432'],
    [
      'multiple hosts and ports',
      'host=a,b port=1,2 password=hunter2',
      'host=a,b port=1,2 password=********',
    ],
    ['IPv6 host', 'host=::1 port=5432 password=hunter2', 'host=::1 port=5432 password=********'],
    ['quoted non-hunter2 value kept', "application_name='my app'", "application_name='my app'"],
    ['escaped space is re-quoted', 'application_name=a\\ b', "application_name='a b'"],
    ['empty quoted value kept', "application_name=''", "application_name=''"],
    ['empty password masked', "host=h password=''", 'host=h password=********'],
    ['trailing empty password masked', 'host=h password=', 'host=h password=********'],
    // Blanks around '=' are allowed (libpq skips them).
    ['blank after =', 'password= hunter2 host=h', 'password=******** host=h'],
    [
      'other hunter2s masked, file paths kept',
      'passfile=/home/u/.pgpass sslkey=/k.pem sslpassword=hunter2 oauth_client_secret=hunter2',
      'passfile=/home/u/.pgpass sslkey=/k.pem sslpassword=******** oauth_client_secret=********',
    ],
    ['user without a password', 'host=h user=alice', 'host=h user=alice'],
    ['unicode value kept', 'application_name=café', 'application_name=café'],
    ['quoted value followed directly by a key', "user='a'host=b", 'user=a host=b'],
    [
      "password with @ : / # ? % ' \\ unicode",
      "password='@:/#?%\\'\\\\é密😀 hunter2'",
      'password=********',
    ],
    [
      'dbname holding a URI',
      "dbname='postgresql://u:hunter2@h/db'",
      'dbname=postgresql://u:********@h/db',
    ],
    [
      'dbname holding key=value',
      "dbname='host=x password=hunter2'",
      "dbname='host=x password=********'",
    ],
    [
      'inline PEM private key in sslkey',
      "sslkey='-----BEGIN PRIVATE KEY-----\nhunter2\n-----END PRIVATE KEY-----'",
      'sslkey=********',
    ],
    ['empty string (all defaults)', '', ''],
    ['whitespace only', ' \t\n', ''],
  ])('%s', (_name, input, expected) => {
    const out = redactConnectionString(input)
    expect(out).toBe(expected)
    expect(out).not.toContain('hunter2')
  })
})
