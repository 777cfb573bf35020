// Runs in the pages of the sites the user turned reviewlint on for. It finds the field being
// written in (a <textarea> or a contenteditable editor), sends its text to the background (and so
// to the local reviewlint host) a moment after the last keystroke, and draws the findings in an
// overlay of its own over the field: the page's DOM, and so what its form submits, is never
// changed, except by a quick fix the user applies, which edits the field as typing would.
"use strict";

(() => {
  if (globalThis.reviewlintContent) return;  // injected by the popup and by the registration
  globalThis.reviewlintContent = true;
  const { api } = globalThis.reviewlintBrowser;

  const DEBOUNCE_MS = 40;
  const fields = new WeakMap();  // element -> Field
  const live = new Set();        // Fields that have findings drawn
  let nextUri = 1;
  let focused = null;            // the Field being written in

  // ---- Text of a field, and where its offsets are --------------------------------------------

  // A contenteditable's text as the linter sees it: text nodes in order, a line break for <br>
  // and between blocks. `pieces` maps offsets back to the text nodes.
  const BLOCKS = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR|TABLE|SECTION|ARTICLE)$/;
  function editableText(root) {
    let text = "";
    const pieces = [];  // {start, node}
    const newline = () => { if (text && !text.endsWith("\n")) text += "\n"; };
    (function walk(node) {
      for (let n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) {
          pieces.push({ start: text.length, node: n });
          text += n.data.replace(/\u00a0/g, " ");
        } else if (n.nodeType === Node.ELEMENT_NODE) {
          if (n.tagName === "BR") { text += "\n"; continue; }
          const block = BLOCKS.test(n.tagName);
          if (block) newline();
          walk(n);
          if (block) newline();
        }
      }
    })(root);
    return { text, pieces };
  }

  function isTextarea(el) {
    return el instanceof HTMLTextAreaElement;
  }

  function fieldText(field) {
    if (isTextarea(field.el)) return field.el.value;
    const { text, pieces } = editableText(field.el);
    field.pieces = pieces;
    return text;
  }

  // The DOM position of a text offset in a contenteditable.
  function domPoint(field, offset) {
    const pieces = field.pieces || [];
    let lo = 0;
    for (let i = 0; i < pieces.length; i++) if (pieces[i].start <= offset) lo = i;
    const piece = pieces[lo];
    if (!piece) return { node: field.el, offset: 0 };
    return { node: piece.node, offset: Math.min(offset - piece.start, piece.node.data.length) };
  }

  // UTF-16 index of every UTF-8 byte offset: the host counts bytes, JavaScript code units.
  function byteToIndex(text) {
    const map = [];
    let index = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let b = 0; b < bytes; b++) map.push(index);
      index += ch.length;
    }
    map.push(index);
    return (offset) => map[Math.min(offset, map.length - 1)];
  }

  // ---- Fields and linting --------------------------------------------------------------------

  function editableRoot(el) {
    if (!(el instanceof HTMLElement)) return null;
    if (isTextarea(el)) return el.readOnly || el.disabled ? null : el;
    if (!el.isContentEditable) return null;
    let root = el;
    while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
    return root;
  }

  function fieldOf(el) {
    let field = fields.get(el);
    if (!field) {
      field = { el, uri: `field-${nextUri++}`, text: null, findings: [], whole: [], rules: {},
                timer: 0, sent: null };
      fields.set(el, field);
      new ResizeObserver(() => scheduleDraw()).observe(el);
      el.addEventListener("scroll", () => scheduleDraw(), { passive: true });
    }
    return field;
  }

  function scheduleLint(field, delay = DEBOUNCE_MS) {
    clearTimeout(field.timer);
    field.timer = setTimeout(() => lint(field), delay);
  }

  async function lint(field) {
    const text = fieldText(field);
    if (text === field.text && field.sent === null) return;
    field.sent = text;
    let reply;
    try {
      reply = await api.runtime.sendMessage({ kind: "lint", uri: field.uri, text });
    } catch (e) {
      reply = { type: "error", error: String(e.message || e) };
    }
    if (field.sent !== text) return;  // a newer lint is on its way
    field.sent = null;
    if (!reply || reply.type !== "findings") {
      field.error = (reply && reply.error) || "no answer from reviewlint";
      return;
    }
    field.text = text;
    field.error = reply.error;
    field.rules = reply.rules || {};
    const at = byteToIndex(text);
    const all = reply.diagnostics.map((d) => ({
      ...d, from: at(d.span.start), to: at(d.span.end),
      fixes: d.fixes.map((f) => ({ ...f, from: at(f.span.start), to: at(f.span.end) })),
    }));
    field.findings = all.filter((d) => d.scope !== "document");
    field.whole = all.filter((d) => d.scope === "document");
    live.add(field);
    if (field === focused) reportCount(field);
    draw();
    if (panel.open) showPanel(field);
  }

  function reportCount(field) {
    api.runtime.sendMessage({ kind: "count", count: field.findings.length + field.whole.length })
      .catch(() => {});
  }

  document.addEventListener("focusin", (e) => {
    const el = editableRoot(e.target);
    if (!el) return;
    focused = fieldOf(el);
    if (focused.text === null) scheduleLint(focused, 0); else reportCount(focused);
    draw();
  }, true);

  document.addEventListener("input", (e) => {
    const el = editableRoot(e.target);
    if (!el) return;
    const field = fieldOf(el);
    focused = field;
    scheduleLint(field);
  }, true);

  // ---- The overlay ---------------------------------------------------------------------------

  const host = document.createElement("reviewlint-overlay");
  host.style.cssText = "all: initial; position: fixed; inset: 0; pointer-events: none; " +
                       "z-index: 2147483647; contain: layout;";
  const shadow = host.attachShadow({ mode: "open" });
  shadow.innerHTML = `<style>
    .clip { position: fixed; overflow: hidden; pointer-events: none; }
    .mark { position: absolute; pointer-events: none; border-bottom: 2px solid #d97706;
            background: rgba(217, 119, 6, 0.08); box-sizing: border-box; }
    .mark.error { border-bottom-color: #dc2626; background: rgba(220, 38, 38, 0.08); }
    .mark.info { border-bottom-color: #2563eb; background: rgba(37, 99, 235, 0.06); }
    .mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap;
              overflow-wrap: break-word; word-wrap: break-word; pointer-events: none; }
    .badge { position: fixed; pointer-events: auto; cursor: pointer; min-width: 20px; height: 20px;
             border-radius: 10px; background: #b45309; color: #fff; font: bold 12px/20px system-ui,
             sans-serif; text-align: center; padding: 0 5px; box-sizing: border-box; }
    .badge.clean { background: #15803d; }
    .card, .panel { position: fixed; pointer-events: auto; background: #fff; color: #1f2937;
             font: 13px/1.4 system-ui, sans-serif; border: 1px solid #d1d5db; border-radius: 8px;
             box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: 10px 12px; max-width: 360px; }
    .card .rule, .panel .rule { color: #6b7280; font-size: 11px; }
    .card .why, .card .instead { margin-top: 6px; color: #374151; }
    .card button { margin: 8px 6px 0 0; font: inherit; padding: 3px 8px; cursor: pointer; }
    .panel { max-height: 50vh; overflow: auto; width: 340px; }
    .panel h3 { font-size: 12px; margin: 8px 0 4px; text-transform: uppercase; color: #6b7280; }
    .panel .item { padding: 4px 0; border-bottom: 1px solid #f3f4f6; cursor: pointer; }
    </style><div id="layer"></div>`;
  const layer = shadow.getElementById("layer");
  const panel = { open: false, el: null };
  let card = null;
  const attach = () => { if (!host.isConnected) document.documentElement.appendChild(host); };

  // Client rects (viewport coordinates) of text [from, to) in a textarea, through a hidden copy
  // of it laid out with the same box and font.
  const COPIED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "lineHeight",
    "letterSpacing", "wordSpacing", "textTransform", "textIndent", "textAlign", "tabSize",
    "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth",
    "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle", "direction"];
  function textareaRects(field, ranges) {
    const el = field.el;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const mirror = document.createElement("div");
    mirror.className = "mirror";
    for (const p of COPIED) mirror.style[p] = style[p];
    mirror.style.borderColor = "transparent";
    mirror.style.boxSizing = "content-box";
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    mirror.style.width = `${el.clientWidth - padX}px`;
    mirror.style.left = `${box.left}px`;
    mirror.style.top = `${box.top}px`;
    mirror.style.height = "auto";
    const node = document.createTextNode(el.value + "\u200b");
    mirror.appendChild(node);
    layer.appendChild(mirror);
    const out = ranges.map(([from, to]) => {
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, to);
      return Array.from(r.getClientRects()).map((c) => new DOMRect(
        c.left - el.scrollLeft, c.top - el.scrollTop, c.width, c.height));
    });
    mirror.remove();
    return out;
  }

  function editableRects(field, ranges) {
    return ranges.map(([from, to]) => {
      const a = domPoint(field, from), b = domPoint(field, to);
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return Array.from(r.getClientRects());
    });
  }

  function findingRects(field) {
    const ranges = field.findings.map((d) => [d.from, d.to]);
    return isTextarea(field.el) ? textareaRects(field, ranges) : editableRects(field, ranges);
  }

  let drawPending = false;
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => { drawPending = false; draw(); });
  }

  // Redraws every field's underlines and the focused field's badge.
  function draw() {
    attach();
    for (const el of Array.from(layer.querySelectorAll(".clip, .badge"))) el.remove();
    for (const field of Array.from(live)) {
      if (!field.el.isConnected) { live.delete(field); continue; }
      if (fieldText(field) !== field.text) continue;  // stale: the new lint is on its way
      const box = field.el.getBoundingClientRect();
      const style = getComputedStyle(field.el);
      const clip = layer.appendChild(document.createElement("div"));
      clip.className = "clip";
      const left = box.left + parseFloat(style.borderLeftWidth);
      const top = box.top + parseFloat(style.borderTopWidth);
      Object.assign(clip.style, { left: `${left}px`, top: `${top}px`,
        width: `${field.el.clientWidth}px`, height: `${field.el.clientHeight}px` });
      field.rects = findingRects(field);
      field.findings.forEach((d, i) => {
        for (const r of field.rects[i]) {
          const mark = clip.appendChild(document.createElement("div"));
          mark.className = `mark ${d.severity}`;
          mark.dataset.rule = d.rule;
          mark.dataset.from = d.from;
          mark.dataset.to = d.to;
          Object.assign(mark.style, { left: `${r.left - left}px`, top: `${r.top - top}px`,
            width: `${r.width}px`, height: `${r.height}px` });
        }
      });
      if (field === focused) drawBadge(field, box);
    }
  }

  function drawBadge(field, box) {
    const count = field.findings.length + field.whole.length;
    const badge = layer.appendChild(document.createElement("div"));
    badge.className = count ? "badge" : "badge clean";
    badge.textContent = count ? String(count) : "✓";
    badge.title = count ? `reviewlint: ${count} finding(s); click for the list` : "reviewlint: no findings";
    Object.assign(badge.style, { left: `${box.right - 28}px`, top: `${box.bottom - 28}px` });
    badge.addEventListener("mousedown", (e) => e.preventDefault());  // keep the field's focus
    badge.addEventListener("click", () => (panel.open ? hidePanel() : showPanel(field)));
  }

  // ---- The card ------------------------------------------------------------------------------

  function hideCard() {
    if (card) card.el.remove();
    card = null;
  }

  function showCard(field, index, rect) {
    if (card && card.field === field && card.index === index) return;
    hideCard();
    const d = field.findings[index];
    const notes = field.rules[d.rule] || {};
    const el = layer.appendChild(document.createElement("div"));
    el.className = "card";
    const line = (cls, text) => {
      const div = el.appendChild(document.createElement("div"));
      div.className = cls;
      div.textContent = text;
    };
    line("rule", `${d.rule} · ${d.severity}`);
    line("message", d.message);
    if (notes.why) line("why", notes.why);
    if (notes.instead) line("instead", `Instead: ${notes.instead}`);
    for (const fix of d.fixes) {
      const button = el.appendChild(document.createElement("button"));
      button.className = "fix";
      const removed = field.text.slice(fix.from, fix.to);
      button.textContent = fix.replacement.trim() === "" ? `Remove “${removed.trim()}”`
                                                         : `Replace with “${fix.replacement}”`;
      button.addEventListener("mousedown", (e) => e.preventDefault());
      button.addEventListener("click", () => applyFix(field, fix));
    }
    el.style.left = `${Math.max(4, rect.left)}px`;
    el.style.top = `${rect.bottom + 6}px`;
    el.addEventListener("mouseleave", hideCard);
    card = { el, field, index };
  }

  // The finding under a point (hover) or at a text offset (the caret); of findings that overlap
  // there (a word inside a flagged sentence), the narrowest.
  function findingAt(field, test) {
    if (!field || !field.rects) return null;
    let best = null;
    for (let i = 0; i < field.findings.length; i++)
      for (const r of field.rects[i] || [])
        if (test(r, field.findings[i]) && (!best || r.width * r.height < best.r.width * best.r.height))
          best = { i, r };
    return best;
  }

  document.addEventListener("mousemove", (e) => {
    if (card && card.el.matches(":hover")) return;
    for (const field of live) {
      const hit = findingAt(field, (r) => e.clientX >= r.left && e.clientX <= r.right &&
                                          e.clientY >= r.top && e.clientY <= r.bottom + 2);
      if (hit) { showCard(field, hit.i, hit.r); return; }
    }
    if (card && card.field !== focused) hideCard();
  }, { passive: true });

  function caretOffset(field) {
    if (isTextarea(field.el)) return field.el.selectionStart;
    const sel = getSelection();
    if (!sel.rangeCount || !field.el.contains(sel.anchorNode)) return -1;
    for (const p of field.pieces || [])
      if (p.node === sel.anchorNode) return p.start + sel.anchorOffset;
    return -1;
  }

  // The card of the finding the caret is in.
  document.addEventListener("selectionchange", () => {
    if (!focused || !focused.rects || fieldText(focused) !== focused.text) return;
    const at = caretOffset(focused);
    const hit = findingAt(focused, (r, d) => at > d.from && at < d.to);
    if (hit) showCard(focused, hit.i, hit.r);
  });

  // ---- Fixes ---------------------------------------------------------------------------------

  // Replaces [from, to) as a user's edit: selected, then typed over with insertText, so the page
  // sees its input events and the browser's undo takes it back.
  function applyFix(field, fix) {
    hideCard();
    if (fieldText(field) !== field.text) { scheduleLint(field, 0); return; }
    const el = field.el;
    el.focus();
    if (isTextarea(el)) {
      el.setSelectionRange(fix.from, fix.to);
    } else {
      const a = domPoint(field, fix.from), b = domPoint(field, fix.to);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    const done = fix.replacement === ""
      ? document.execCommand("delete", false)
      : document.execCommand("insertText", false, fix.replacement);
    if (!done && isTextarea(el)) {  // no execCommand here: edit, and tell the page
      el.setRangeText(fix.replacement, fix.from, fix.to, "end");
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText",
                                                 data: fix.replacement }));
    }
    scheduleLint(field, 0);
  }

  // ---- The panel -----------------------------------------------------------------------------

  function hidePanel() {
    if (panel.el) panel.el.remove();
    panel.open = false;
    panel.el = null;
  }

  function showPanel(field) {
    if (panel.el) panel.el.remove();
    const el = layer.appendChild(document.createElement("div"));
    el.className = "panel";
    const box = field.el.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(box.right - 340, innerWidth - 348))}px`;
    el.style.top = `${Math.min(box.bottom + 8, innerHeight - 120)}px`;
    const section = (title, list, excerpt) => {
      const h = el.appendChild(document.createElement("h3"));
      h.textContent = `${title} (${list.length})`;
      for (const d of list) {
        const item = el.appendChild(document.createElement("div"));
        item.className = excerpt ? "item" : "item whole";
        const rule = item.appendChild(document.createElement("div"));
        rule.className = "rule";
        rule.textContent = excerpt ? `${d.rule} · “${d.excerpt.trim()}”` : d.rule;
        item.appendChild(document.createElement("div")).textContent = d.message;
      }
    };
    section("In this field", field.findings, true);
    section("Whole review", field.whole, false);
    if (field.error) el.appendChild(document.createElement("div")).textContent = field.error;
    panel.open = true;
    panel.el = el;
  }

  // Escape closes the card and the panel; leaving the field closes its card.
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { hideCard(); hidePanel(); }
  }, true);
  document.addEventListener("focusout", () => {
    setTimeout(() => { if (card && !card.el.matches(":hover")) hideCard(); }, 150);
  }, true);

  addEventListener("scroll", scheduleDraw, { passive: true, capture: true });
  addEventListener("resize", scheduleDraw, { passive: true });
  // Pages re-render their editors: forget fields that left the document.
  setInterval(() => { for (const f of live) if (!f.el.isConnected) scheduleDraw(); }, 1000);

  attach();
  // A field already focused when reviewlint was turned on.
  const active = editableRoot(document.activeElement);
  if (active) { focused = fieldOf(active); scheduleLint(focused, 0); }
})();
