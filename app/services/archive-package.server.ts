import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";

/**
 * Archive packages on disk (docs/decisions/059): one directory per package, every file written
 * and fsynced under a temporary name, a SHA-256 manifest in `sha256sum` format, and the whole
 * directory renamed into place only after the manifest has been checked against what was read
 * back from disk. A package that fails its check is never published and nothing is deleted.
 */
export const MANIFEST = "manifest-sha256.txt";

const SAFE_PATH_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface PackageFile {
  /** Relative path: one or two safe name parts ("metadata.json", "files/1-ritning.pdf"). */
  path: string;
  bytes: Uint8Array;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function writeSynced(path: string, bytes: Uint8Array) {
  const fd = openSync(path, "wx", 0o600);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function checkPath(path: string): string[] {
  const parts = path.split("/");
  if (parts.length > 2 || !parts.every((p) => SAFE_PATH_PART.test(p)) || path === MANIFEST)
    throw new Error(`bad package path: ${path}`);
  return parts;
}

/** A file name part made safe for a package ("Ritning 1 (fasad).pdf" → "Ritning-1-fasad-.pdf"). */
export function safeFileName(name: string): string {
  let out = "";
  for (const ch of name.normalize("NFKD")) {
    if (/[A-Za-z0-9._-]/.test(ch)) out += ch;
    else if (!/\p{M}/u.test(ch)) out += "-";
  }
  out = out.slice(-120);
  return SAFE_PATH_PART.test(out) ? out : `file${out}`.slice(0, 120);
}

/** Problems found when reading the package back: missing, extra-size or changed files. */
export function verifyPackage(dir: string): string[] {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return [`${MANIFEST} missing`];
  const problems: string[] = [];
  const lines = readFileSync(manifestPath, "utf8").split("\n").filter(Boolean);
  if (lines.length === 0) problems.push(`${MANIFEST} is empty`);
  for (const line of lines) {
    const hash = line.slice(0, 64);
    const path = line.slice(66);
    try {
      checkPath(path);
    } catch {
      problems.push(`bad path in manifest: ${path}`);
      continue;
    }
    const file = join(dir, path);
    if (!existsSync(file)) problems.push(`${path} missing`);
    else if (sha256(readFileSync(file)) !== hash) problems.push(`${path} checksum differs`);
  }
  return problems;
}

/**
 * Writes `files` as the package `root/name`, replacing a package of that name a crashed
 * earlier run may have left. Returns the package directory and the manifest's own checksum.
 */
export function writePackage(
  root: string,
  name: string,
  files: PackageFile[],
): { dir: string; manifestSha256: string } {
  if (!SAFE_PATH_PART.test(name)) throw new Error(`bad package name: ${name}`);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const tmp = join(root, `.tmp-${randomBytes(6).toString("hex")}-${name}`);
  mkdirSync(tmp, { mode: 0o700 });
  try {
    const lines: string[] = [];
    for (const f of files) {
      const parts = checkPath(f.path);
      if (parts.length === 2) mkdirSync(join(tmp, parts[0]!), { recursive: true, mode: 0o700 });
      writeSynced(join(tmp, f.path), f.bytes);
      lines.push(`${sha256(f.bytes)}  ${f.path}`);
    }
    const manifest = Buffer.from(`${lines.join("\n")}\n`, "utf8");
    writeSynced(join(tmp, MANIFEST), manifest);
    fsyncDir(tmp);
    const problems = verifyPackage(tmp);
    if (problems.length > 0) throw new Error(`archive package ${name} failed its check: ${problems.join("; ")}`);
    const dir = join(root, name);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    fsyncDir(root);
    return { dir, manifestSha256: sha256(manifest) };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
