// What the extension derives from its settings, kept free of the `vscode` module so the protocol
// test can run it under plain Node.

/** The languages reviewlint can lint (VS Code language ids). */
export const LANGUAGES = ['markdown', 'plaintext'] as const;

export interface ReviewlintSettings {
  path?: string;
  languages?: string[];
  rules?: Record<string, string>;
  rubric?: string;
  rulesDirs?: string[];
}

/** The command that starts the language server. */
export function serverCommand(settings: ReviewlintSettings): { command: string; args: string[] } {
  const path = (settings.path ?? '').trim();
  return { command: path === '' ? 'reviewlint' : path, args: ['lsp'] };
}

/** Document filters for the enabled languages: files on disk and unsaved buffers. */
export function documentSelector(
  settings: ReviewlintSettings,
): { scheme: string; language: string }[] {
  const enabled = (settings.languages ?? [...LANGUAGES]).filter((l) =>
    (LANGUAGES as readonly string[]).includes(l),
  );
  return enabled.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/**
 * The settings the server reads (initializationOptions and workspace/didChangeConfiguration):
 * {"reviewlint": {"rules": ..., "rubric": ..., "rulesDirs": ...}}.
 */
export function serverSettings(settings: ReviewlintSettings): {
  reviewlint: { rules: Record<string, string>; rubric: string; rulesDirs: string[] };
} {
  return {
    reviewlint: {
      rules: { ...(settings.rules ?? {}) },
      rubric: settings.rubric ?? '',
      rulesDirs: [...(settings.rulesDirs ?? [])],
    },
  };
}
