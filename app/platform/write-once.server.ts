import { randomBytes } from "node:crypto";
import { linkSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * Creates `file` (mode 0600) with `content` unless it exists, atomically: the content is written to
 * a private temporary name beside it and hard-linked to `file`, which fails if `file` exists. So
 * another process sharing DATA_DIR (decision 053) sees either no file or the whole of the first
 * writer's content, never an empty or half-written one, and never has its own value replaced
 * (decision 174). Returns whether this call created it; either way, read `file` for the value.
 */
export function writeOnce(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    unlinkSync(temporary);
  }
}
