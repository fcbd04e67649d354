// Speed and time left of a transfer, from the bytes sent so far, smoothed over the last few seconds.
export interface TransferSample { at: number; bytes: number }

const windowMs = 5000;

export class TransferRate {
  private samples: TransferSample[] = [];

  add(bytes: number, at = performance.now()): void {
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0].at > windowMs) this.samples.shift();
  }

  /** Bytes a second, or 0 before two samples. */
  get bytesPerSecond(): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    return last.at > first.at ? ((last.bytes - first.bytes) * 1000) / (last.at - first.at) : 0;
  }

  secondsLeft(total: number): number | null {
    const speed = this.bytesPerSecond;
    const last = this.samples[this.samples.length - 1];
    return speed > 0 && last ? (total - last.bytes) / speed : null;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
