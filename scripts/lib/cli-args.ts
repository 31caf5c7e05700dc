// Command-line options of the project's scripts (the benchmarks): `--name value` and `--flag`.

/** The value after `name` in args (`--runs 3` → "3"), or undefined when it is absent or last. */
export function option(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

/** The comma-separated list after `name` (`--pages a,b` → ["a", "b"]), or `fallback` split the same way. */
export function listOption(name: string, fallback: string, args: readonly string[] = process.argv.slice(2)): string[] {
  return (option(name, args) ?? fallback).split(',').filter(Boolean);
}
