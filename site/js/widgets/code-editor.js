// A Python editor: CodeMirror, with Python's colours and the page's palette. Loaded only when a
// visitor opens a function they may change (the Inside's "Its Python"), as a chunk of its own:
// it imports CodeMirror and nothing of the page, so the page's own bundle stays as small as it was.
//
// It lives in a shadow root. CodeMirror writes its styles as a stylesheet; in a document that
// means a <style> element, which the page's Content-Security-Policy (style-src 'self') refuses,
// while in a shadow root they are a constructed stylesheet, which it allows. The page's colours
// reach it as CSS variables (--text, --code-keyword, ... in css/style.css), which cross the
// shadow boundary, so it follows light and dark as the rest of the page does.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { pythonLanguage } from "@codemirror/lang-python";
import { HighlightStyle, bracketMatching, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

/** Python's tokens in the colours the page's read-only code uses (css/style.css, .py-*). */
const COLOURS = HighlightStyle.define([
  { tag: [tags.keyword, tags.bool, tags.null, tags.self], color: "var(--code-keyword)", fontWeight: "600" },
  { tag: [tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: "var(--code-keyword)", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--code-string)" },
  { tag: tags.number, color: "var(--code-number)" },
  { tag: tags.comment, color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.meta, color: "var(--code-keyword)" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)],
    color: "var(--accent)", fontWeight: "600" },
]);

const LOOK = EditorView.theme({
  "&": { backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--line)",
         borderRadius: "8px", fontSize: "0.84rem" },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--text)", padding: "0.5rem 0" },
  ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--muted)", border: "none",
                   borderRadius: "8px 0 0 8px" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent-soft)", color: "var(--text)" },
  ".cm-matchingBracket": { backgroundColor: "var(--accent-soft)", outline: "1px solid var(--accent)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
});

/**
 * The editor follows the selection the browser shows, which CodeMirror reads only a moment later
 * and only while it has the focus: on focus it would put back its own, so text that a script
 * selects and then replaces (an assistive tool, a test's fill()) would go in front of the old.
 * - focus: a selection made in the text before the editor had the focus is kept.
 * - typed or inserted text replaces that selection, put in by CodeMirror rather than by the
 *   browser's own editing: replacing coloured text, the browser would give the new text the old
 *   one's colour as an inline style attribute, which the page's Content-Security-Policy refuses.
 *   (Composing, as with an input method, is left to CodeMirror.)
 */
const FOLLOW_THE_SELECTION = EditorView.domEventHandlers({
  focus(event, view) {
    const selected = domSelection(view);
    if (selected) view.dispatch({ selection: { anchor: selected.from, head: selected.to } });
    return false;
  },
  beforeinput(event, view) {
    if (event.inputType !== "insertText" || !event.data || view.composing) return false;
    const { from, to } = domSelection(view) ?? view.state.selection.main;
    view.dispatch({ changes: { from, to, insert: event.data }, selection: { anchor: from + event.data.length },
                    userEvent: "input.type", scrollIntoView: true });
    event.preventDefault();
    return true;
  },
});

/**
 * The text the browser has selected in the editor, as positions in its document, or null when
 * the browser's selection lies elsewhere. Read from the page itself: CodeMirror's own idea of the
 * selection can lag behind it by a moment.
 * @param {EditorView} view
 */
function domSelection(view) {
  const root = /** @type {ShadowRoot & { getSelection?: () => Selection | null }} */ (view.root);
  const selection = root.getSelection?.() ?? document.getSelection();
  const inside = (/** @type {Node | null} */ node) => node !== null && view.contentDOM.contains(node);
  if (!selection || !selection.rangeCount || !inside(selection.anchorNode) || !inside(selection.focusNode)) return null;
  const anchor = view.posAtDOM(/** @type {Node} */ (selection.anchorNode), selection.anchorOffset);
  const head = view.posAtDOM(/** @type {Node} */ (selection.focusNode), selection.focusOffset);
  return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
}

/** The words under the editor for a screen reader, hidden from the eye (the page's .visually-hidden). */
const HIDDEN = "position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); "
  + "white-space: nowrap; border: 0;";

export class CodeEditor {
  /**
   * An empty editor inside `host`.
   * @param {HTMLElement} host
   * @param {{ label: string, testid: string }} options the editable text's accessible name and data-testid
   */
  constructor(host, { label, testid }) {
    const root = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host { display: block; } .hint { ${HIDDEN} }`);
    root.adoptedStyleSheets = [sheet];
    const hint = document.createElement("p");
    hint.id = "hint";
    hint.className = "hint";
    hint.textContent = "Python code. Tab indents by four spaces. To leave the editor with the keyboard, "
      + "press Escape, then Tab.";
    const parent = document.createElement("div");
    root.append(parent, hint);
    this.view = new EditorView({
      root,
      parent,
      state: EditorState.create({
        extensions: [
          lineNumbers(), highlightActiveLineGutter(), history(), bracketMatching(),
          EditorView.lineWrapping,           // a long line wraps: no region to scroll, which a keyboard could not reach
          pythonLanguage, syntaxHighlighting(COLOURS), indentUnit.of("    "), EditorState.tabSize.of(4),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]), FOLLOW_THE_SELECTION, LOOK,
          EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": "hint", "data-testid": testid,
                                            spellcheck: "false", autocapitalize: "off", autocorrect: "off" }),
        ],
      }),
    });
  }

  /** The text in the editor. */
  get text() {
    return this.view.state.doc.toString();
  }

  /** Replace the whole text (one step that undo takes back). */
  set text(/** @type {string} */ text) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  focus() {
    this.view.focus();
  }
}
