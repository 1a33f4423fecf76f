// Reading SQLite's write-ahead log (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte
// header, then frames of a 24-byte header and one page each. For scripts/prof/wal-frames.mjs.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** The frames of the log's current run: page number and whether the frame ends a commit. */
export function walFrames(path) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size < 32) return { salt: null, frames: [] };
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    const pageSize = buf.readUInt32BE(8);
    const salt = buf.readUInt32BE(16);
    const frames = [];
    // A frame of this run carries the header's salt; after a restart, older frames follow with another.
    for (let at = 32; at + 24 + pageSize <= size && buf.readUInt32BE(at + 8) === salt; at += 24 + pageSize)
      frames.push({ page: buf.readUInt32BE(at), commit: buf.readUInt32BE(at + 4) !== 0 });
    return { salt, frames };
  } finally {
    closeSync(fd);
  }
}
