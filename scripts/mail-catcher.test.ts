import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { startMailCatcherProcess } from "./mail-catcher.mjs";

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), "mail-catcher-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the mail catcher as a process of its own (decision 148)", () => {
  it("stores a message sent to its SMTP URL as an .eml file and ends when closed", async () => {
    const dir = freshDir();
    const catcher = await startMailCatcherProcess(dir);
    expect(catcher.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(catcher.pid).not.toBe(process.pid);
    await nodemailer
      .createTransport(catcher.url)
      .sendMail({ from: "portal@example.se", to: "invanare@example.se", subject: "Kvitto", text: "BEN-2026-000123" });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    expect(readFileSync(join(dir, files[0] ?? ""), "utf8")).toContain("BEN-2026-000123");
    expect(await catcher.received()).toBe(1);
    await catcher.close();
    expect(alive(catcher.pid)).toBe(false);
  });

  it("as the bench's sink (decision 158) receives and counts every message and stores none", async () => {
    const dir = freshDir();
    const catcher = await startMailCatcherProcess(dir, { sink: true });
    expect(await catcher.received()).toBe(0);
    const transport = nodemailer.createTransport({ url: catcher.url, pool: true, maxConnections: 2 });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        transport.sendMail({
          from: "portal@example.se",
          to: "invanare@example.se",
          subject: `Kvitto ${i}`,
          text: `BEN-2026-${String(i).padStart(6, "0")}\n.\n..\n`.repeat(50),
        }),
      ),
    );
    transport.close();
    const [first, second] = await Promise.all([catcher.received(), catcher.received()]);
    expect(first).toBe(12);
    expect(second).toBe(12);
    expect(readdirSync(dir)).toEqual([]);
    await catcher.close();
    expect(alive(catcher.pid)).toBe(false);
  });

  it("ends when the process that started it ends, so none is left behind", async () => {
    const dir = freshDir();
    // A parent that starts a catcher, says its pid and is then killed without closing it.
    const parent = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { startMailCatcherProcess } = await import(${JSON.stringify(new URL("./mail-catcher.mjs", import.meta.url).href)});
         const c = await startMailCatcherProcess(${JSON.stringify(dir)});
         console.log("PID=" + c.pid);
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const pid = await new Promise<number>((resolve) => {
      let out = "";
      parent.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /PID=(\d+)\n/.exec(out);
        if (m) resolve(Number(m[1]));
      });
    });
    expect(alive(pid)).toBe(true);
    parent.kill("SIGKILL");
    const until = Date.now() + 5_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
  });
});
