// Drives `reviewlint lsp` the way the extension's client does, with Microsoft's LSP protocol
// packages (vscode-languageserver-protocol over vscode-jsonrpc), from plain Node: VS Code itself
// is not needed. The binary comes from REVIEWLINT_BINARY, else the repository's build/; without
// one the server tests are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  MarkupContent,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
} from 'vscode-languageserver-protocol/node';

import { documentSelector, serverCommand, serverSettings } from '../src/settings';

const binary =
  process.env.REVIEWLINT_BINARY ?? path.resolve(__dirname, '..', '..', '..', '..', 'build', 'reviewlint');
const skip = fs.existsSync(binary)
  ? false
  : `no reviewlint binary at ${binary} (build it, or set REVIEWLINT_BINARY)`;

const uri = 'file:///tmp/reviewlint-vscode-test/review.md';
// "Zoë", "José" and an emoji before the finding: 30 code points, 31 UTF-16 units.
const text = 'Zoë and José 🎉 agree she is a good communicator.\nHis tests are somewhat flaky.\n';

interface Session {
  server: ChildProcess;
  connection: ProtocolConnection;
  publishes: PublishDiagnosticsParams[];
  nextPublish(version: number): Promise<PublishDiagnosticsParams>;
  exitCode: Promise<number | null>;
}

function startServer(): Session {
  const { command, args } = serverCommand({ path: binary });
  const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  const publishes: PublishDiagnosticsParams[] = [];
  const waiters: { version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    publishes.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (p.version === waiters[i].version) {
        waiters[i].resolve(p);
        waiters.splice(i, 1);
      }
    }
  });
  connection.listen();
  const exitCode = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  return {
    server,
    connection,
    publishes,
    exitCode,
    nextPublish(version: number) {
      const seen = publishes.find((p) => p.version === version);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ version, resolve });
        setTimeout(
          () => reject(new Error(`no publishDiagnostics for version ${version}`)),
          10000,
        ).unref();
      });
    },
  };
}

function covered(source: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  // JavaScript strings are UTF-16, like the positions.
  const lines = source.split('\n');
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

async function shutdown(s: Session): Promise<number | null> {
  await s.connection.sendRequest(ShutdownRequest.type);
  await s.connection.sendNotification(ExitNotification.type);
  const code = await s.exitCode;
  s.connection.dispose();
  return code;
}

test('the extension derives the server command, languages and settings', () => {
  assert.deepEqual(serverCommand({}), { command: 'reviewlint', args: ['lsp'] });
  assert.deepEqual(serverCommand({ path: ' /opt/bin/reviewlint ' }), {
    command: '/opt/bin/reviewlint',
    args: ['lsp'],
  });
  assert.deepEqual(documentSelector({}).map((f) => f.language), [
    'markdown',
    'markdown',
    'plaintext',
    'plaintext',
  ]);
  assert.deepEqual(documentSelector({ languages: ['markdown', 'latex'] }), [
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
  ]);
  assert.deepEqual(documentSelector({ languages: [] }), []);
  assert.deepEqual(serverSettings({ rules: { bias: 'error' } }), {
    reviewlint: { rules: { bias: 'error' }, rubric: '', rulesDirs: [] },
  });
});

test('diagnostics, incremental edits, code actions and hover over the protocol', { skip }, async (t) => {
  const s = startServer();
  // A failed assertion must not leave the server running (the test runner would wait for it).
  t.after(() => {
    if (s.server.exitCode === null) s.server.kill();
  });
  const init = await s.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
    initializationOptions: serverSettings({}),
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  assert.deepEqual(init.capabilities.textDocumentSync, {
    openClose: true,
    change: 2,
    save: { includeText: false },
  });
  assert.equal(init.serverInfo?.name, 'reviewlint');
  await s.connection.sendNotification(InitializedNotification.type, {});

  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  let p = await s.nextPublish(1);
  const praise = p.diagnostics.find((d) => d.code === 'vagueness.generic-praise');
  assert.ok(praise, JSON.stringify(p));
  assert.deepEqual(praise.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 48 } });
  assert.equal(covered(text, praise.range), 'good communicator');
  assert.equal(praise.source, 'reviewlint');
  assert.equal(praise.severity, 2);
  assert.match(praise.codeDescription?.href ?? '', /rules\/vagueness\.json$/);

  // An incremental edit: "somewhat" becomes "kind of".
  await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 1, character: 14 }, end: { line: 1, character: 22 } }, text: 'kind of' },
    ],
  });
  const edited = text.replace('somewhat', 'kind of');
  p = await s.nextPublish(2);
  const hedge = p.diagnostics.find((d) => d.code === 'vagueness.hedge');
  assert.ok(hedge, JSON.stringify(p));
  assert.equal(covered(edited, hedge.range), 'kind of');

  // Code actions at the hedge: remove it, or disable the rule for the line.
  const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } },
    context: { diagnostics: [hedge] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.deepEqual(titles, ['Remove "kind of" (vagueness.hedge)', 'Disable vagueness.hedge for this line']);
  const disable = actions[1].edit?.changes?.[uri] as TextEdit[];
  // The comment goes at the end of the same line, so the rendered review does not change.
  assert.deepEqual(disable, [
    {
      range: { start: { line: 1, character: 28 }, end: { line: 1, character: 28 } },
      newText: ' <!-- reviewlint-disable-line vagueness.hedge -->',
    },
  ]);

  // Hover on the praise: why the rule exists and what to write instead.
  const hover = await s.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: { line: 0, character: 35 },
  });
  const contents = hover?.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assert.match(contents.value, /^\*\*vagueness\.generic-praise\*\* \(warning\)/);
  assert.match(contents.value, /\*\*Write instead:\*\*/);

  // Settings from the editor: turning the pack off clears the findings.
  await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
    settings: serverSettings({ rules: { vagueness: 'off' } }),
  });
  const before = s.publishes.length;
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (s.publishes.length > before) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 10000) {
        clearInterval(poll);
        reject(new Error('no publish after didChangeConfiguration'));
      }
    }, 10);
  });
  const left = s.publishes[s.publishes.length - 1].diagnostics;
  assert.deepEqual(left.filter((d) => String(d.code).startsWith('vagueness.')), []);

  assert.equal(await shutdown(s), 0);
});

test('UTF-8 positions when the client offers them', { skip }, async (t) => {
  const s = startServer();
  // A failed assertion must not leave the server running (the test runner would wait for it).
  t.after(() => {
    if (s.server.exitCode === null) s.server.kill();
  });
  const init = await s.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-8');
  await s.connection.sendNotification(InitializedNotification.type, {});
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const p = await s.nextPublish(1);
  const praise = p.diagnostics.find((d) => d.code === 'vagueness.generic-praise');
  assert.ok(praise);
  // 35 bytes before the match.
  assert.equal(praise.range.start.character, Buffer.byteLength('Zoë and José 🎉 agree she is a '));
  assert.equal(await shutdown(s), 0);
});
