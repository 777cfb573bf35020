// reviewlint for VS Code: starts `reviewlint lsp` for Markdown and plain-text documents. All the
// linting, code actions and hovers come from the language server; this file only wires it up.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { documentSelector, ReviewlintSettings, serverCommand, serverSettings } from './settings';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function readSettings(): ReviewlintSettings {
  const c = vscode.workspace.getConfiguration('reviewlint');
  return {
    path: c.get<string>('path'),
    languages: c.get<string[]>('languages'),
    rules: c.get<Record<string, string>>('rules'),
    rubric: c.get<string>('rubric'),
    rulesDirs: c.get<string[]>('rulesDirs'),
  };
}

async function start(): Promise<void> {
  const settings = readSettings();
  const selector = documentSelector(settings);
  if (selector.length === 0) return; // every language turned off

  const { command, args } = serverCommand(settings);
  const serverOptions: ServerOptions = { command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: serverSettings(settings),
    // Settings changes reach the server as workspace/didChangeConfiguration; it asks to watch
    // .reviewlint.json files itself.
    synchronize: { configurationSection: 'reviewlint' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('reviewlint', 'reviewlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `reviewlint: could not start \`${command} lsp\` (${message}). ` +
        'Install reviewlint or set "reviewlint.path" to the binary.',
    );
    client = undefined;
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) await running.stop();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('reviewlint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('reviewlint.restart', restart),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // Rules and rubric go to the running server; a new binary or language set needs a restart.
      if (e.affectsConfiguration('reviewlint.path') || e.affectsConfiguration('reviewlint.languages'))
        await restart();
    }),
  );
  await start();
}

export function deactivate(): Promise<void> {
  return stop();
}
