// Number and size formatting for the UI (one locale for now: en-US grouping).
const integer = new Intl.NumberFormat('en-US');

export function formatInt(n: number): string {
  return integer.format(n);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
