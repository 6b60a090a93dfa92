/**
 * CPU time used by this benchmark's Chromium renderer processes (the page's main thread, its
 * workers and its compositor), read from /proc: unlike wall time it hardly depends on what else
 * the shared machine is running, so it shows whether a change made the page do less work.
 * Linux only; elsewhere it reports null.
 */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended while we looked
  }
}

function isRenderer(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
  } catch {
    return false;
  }
}

/** Milliseconds of CPU used so far by renderer processes descending from this Node process. */
export function rendererCpuMs(): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = stats.get(p)?.ppid ?? 0, hops++)
      if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (descends(pid) && isRenderer(pid)) ticks += stat.cpuTicks;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
