/**
 * Peak resident memory. For this Node process: the kernel's high-water mark (resourceUsage().maxRSS).
 * For a child process (the Neo4j JVM, the API server): VmHWM from /proc, and a sampler for when the
 * peak of one phase matters and the process lived before it.
 */
import fs from 'node:fs';

export function ownPeakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Peak RSS of another process so far (null when /proc is not available or it has exited). */
export function processPeakRssMiB(pid: number): number | null {
  const kib = procStatusKiB(pid, 'VmHWM');
  return kib === null ? null : Math.round(kib / 1024);
}

export function processRssMiB(pid: number): number | null {
  const kib = procStatusKiB(pid, 'VmRSS');
  return kib === null ? null : Math.round(kib / 1024);
}

/** Samples a process's RSS every `intervalMs`; stop() returns the max, first and last samples. */
export function sampleRss(
  pid: number,
  intervalMs = 250,
): { stop(): { maxMiB: number; firstMiB: number; lastMiB: number; samples: number } } {
  const samples: number[] = [];
  const take = () => {
    const mib = processRssMiB(pid);
    if (mib !== null) samples.push(mib);
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return {
        maxMiB: samples.length ? Math.max(...samples) : 0,
        firstMiB: samples[0] ?? 0,
        lastMiB: samples[samples.length - 1] ?? 0,
        samples: samples.length,
      };
    },
  };
}
