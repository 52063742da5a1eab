/** Bad input: names the file, and where known the line and field, so the user can fix it. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    const where = [file, line === null ? null : `line ${line}`, field === null ? null : `field "${field}"`]
      .filter((p) => p !== null)
      .join(', ');
    super(`${where}: ${reason}`);
    this.name = 'InputError';
  }
}
