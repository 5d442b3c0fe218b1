// What the user dropped or picked: files, folders (walked recursively) and zips.
// Inside folders only files that may be exports are taken, by the same rule as
// the native command (core/import/zip_entries.cpp, may_be_export_file): .txt
// (not an iOS attachment like "00000046-Some file.txt"), .json, .zip and signal-export's chat.md, outside
// __MACOSX/ and "._" resource forks; the core's sniffing decides the rest. Files
// given one by one are always passed on, so the core can say why one is not an export.
import type { InputFile } from './protocol'

const isIosAttachment = (base: string) => /^\d{8}-/.test(base)

function isJunk(path: string): boolean {
  const base = path.split('/').pop() ?? ''
  return path === '' || path.endsWith('/') || path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || base.startsWith('._') || base === ''
}

export function isCandidateInFolder(path: string): boolean {
  if (isJunk(path)) return false
  const base = (path.split('/').pop() ?? '').toLowerCase()
  if (base.endsWith('.txt')) return !isIosAttachment(base)
  return base.endsWith('.json') || base.endsWith('.zip') || base === 'chat.md'
}

export function fromFileList(files: Iterable<File>): InputFile[] {
  const out: InputFile[] = []
  for (const file of files) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath
    if (rel && rel.includes('/')) {
      if (isCandidateInFolder(rel)) out.push({ file, path: rel })
    } else {
      out.push({ file, path: file.name })
    }
  }
  return sortInputs(out)
}

export function sortInputs(inputs: InputFile[]): InputFile[] {
  return [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

// Must be called during the drop event: DataTransfer items expire afterwards.
export function fromDataTransfer(dt: DataTransfer): Promise<InputFile[]> {
  const entries: FileSystemEntry[] = []
  const plain: File[] = []
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry?.()
    if (entry) entries.push(entry)
    else {
      const f = item.getAsFile()
      if (f) plain.push(f)
    }
  }
  if (entries.length === 0 && plain.length === 0 && dt.files) plain.push(...Array.from(dt.files))
  return (async () => {
    const out: InputFile[] = plain.map((file) => ({ file, path: file.name }))
    for (const entry of entries) {
      if (entry.isFile) out.push({ file: await fileOf(entry as FileSystemFileEntry), path: entry.name })
      else if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, entry.name, out)
    }
    return sortInputs(out)
  })()
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function walk(dir: FileSystemDirectoryEntry, prefix: string, out: InputFile[]) {
  const reader = dir.createReader()
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) break
    for (const entry of batch) {
      const path = `${prefix}/${entry.name}`
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, path, out)
      else if (isCandidateInFolder(path)) out.push({ file: await fileOf(entry as FileSystemFileEntry), path })
    }
  }
}
