/**
 * With KERJASAMA_BOOT_TIMING=1 (npm run bench:boot sets it), each bootstrap step prints how long it
 * took, and the boot's phases print the process's age when they start: where a boot's time goes.
 * Off, it costs nothing.
 */
const on = () => process.env.KERJASAMA_BOOT_TIMING === '1';

const print = (name: string, ms: number) => process.stdout.write(`[boot-timing] ${name} ${ms.toFixed(1)} ms\n`);

/** The process's age at this point of the boot (module loading, register, bootstrap...). */
export const bootMark = (name: string) => {
  if (on()) print(`at:${name}`, process.uptime() * 1000);
};

/** Runs one step, printing its duration when timing is on. */
export const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
  if (!on()) return work();
  const started = process.hrtime.bigint();
  try {
    return await work();
  } finally {
    print(name, Number(process.hrtime.bigint() - started) / 1e6);
  }
};
