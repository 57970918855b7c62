// Where the Electron binary would be, without require('electron') (which tries to download it).
import fs from 'node:fs'
import path from 'node:path'

export function electronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!fs.existsSync(pathFile)) return undefined
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
  return fs.existsSync(binary) ? binary : undefined
}
