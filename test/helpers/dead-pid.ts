/**
 * A process id no process has, so a temporary file named with it counts as left by a killed write.
 * Why probe from 4,000,000 up: that is above the usual pid limits, and `kill(pid, 0)` answering ESRCH proves it.
 */
export function deadPid(): number {
  for (let pid = 4_000_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}
