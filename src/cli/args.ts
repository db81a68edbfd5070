/** Minimal argv parsing: positionals plus --flag value / --flag=value / --bool. */
export interface ParsedArgs { positionals: string[]; flags: Record<string, string | true> }

export function parseArgs(argv: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (booleanFlags.includes(k) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[k] = true;
      else flags[k] = argv[++i];
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export class CliError extends Error {}

export function flagString(flags: ParsedArgs['flags'], name: string): string | undefined {
  const v = flags[name];
  if (v === true) throw new CliError(`--${name} 需要一个值`);
  return v;
}
