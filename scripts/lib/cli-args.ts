// Command-line options of the project's scripts (the benchmarks): `--name value`.

/** The value after `name` in args (`--runs 3` → "3"), or undefined when it is absent or last. */
export function option(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

