// What the user dropped or picked: files, folders (walked recursively) and zips.
// Files met inside folders are marked `inFolder`: the worker keeps only those the
// core's platform table says may be exports (Module.mayBeExportFile, the native
// command's rule), so there is no copy of that rule here. Files given one by one are
// always passed on, so the core can say why one is not an export.
import type { InputFile } from './protocol'

export function fromFileList(files: Iterable<File>): InputFile[] {
  const out: InputFile[] = []
  for (const file of files) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath
    if (rel && rel.includes('/')) {
      out.push({ file, path: rel, inFolder: true })
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
      else out.push({ file: await fileOf(entry as FileSystemFileEntry), path, inFolder: true })
    }
  }
}
