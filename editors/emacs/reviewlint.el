;;; reviewlint.el --- reviewlint for Flycheck and Eglot  -*- lexical-binding: t -*-

;; reviewlint flags vague praise, unmeasured impact claims, template leftovers and biased
;; wording in performance-review drafts.  This file gives Emacs two ways to run it:
;;
;; - a Flycheck checker, `reviewlint', that pipes the buffer to
;;   `reviewlint --format json' and underlines each finding's words (columns are
;;   characters, as Flycheck counts them); it comes first for Markdown and text buffers;
;; - an Eglot entry that runs the language server, `reviewlint lsp' (hover and code
;;   actions too).
;;
;; Usage:
;;   (add-to-list 'load-path "/path/to/reviewlint/editors/emacs")
;;   (require 'reviewlint)
;;   (add-hook 'markdown-mode-hook #'flycheck-mode)    ; Flycheck, or:
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)     ; Eglot
;;
;; The binary: `reviewlint' on `exec-path', or set `reviewlint-executable' (both
;; integrations use it; Flycheck's `flycheck-reviewlint-executable' overrides it for Flycheck).

;;; Code:

(require 'let-alist)

(defgroup reviewlint nil
  "Lint performance-review drafts with reviewlint."
  :group 'tools
  :prefix "reviewlint-")

(defcustom reviewlint-executable "reviewlint"
  "The reviewlint binary: a name on `exec-path' or a full path."
  :type 'string)

(defcustom reviewlint-modes '(markdown-mode gfm-mode text-mode)
  "Major modes whose buffers reviewlint checks."
  :type '(repeat symbol))

(defvar flycheck-checkers)
(defvar eglot-server-programs)
(declare-function flycheck-define-command-checker "flycheck")

(defun reviewlint--working-directory (&rest _)
  "The buffer's folder, so the nearest .reviewlint.json applies."
  (if buffer-file-name (file-name-directory buffer-file-name) default-directory))

(declare-function flycheck-parse-json "flycheck")
(declare-function flycheck-error-new-at "flycheck")

(defun reviewlint--level (severity)
  "The Flycheck level of a reviewlint SEVERITY (\"error\", \"warning\", \"info\")."
  (pcase severity ("error" 'error) ("warning" 'warning) (_ 'info)))

(defun reviewlint--error (diagnostic checker buffer)
  "A Flycheck error for one DIAGNOSTIC of `--format json'.
CHECKER ran on BUFFER.  Columns are characters, as Flycheck counts them; a
finding with a non-empty range gets its end, so Flycheck underlines exactly the
flagged words."
  (let-alist diagnostic
    (let ((empty (and (equal .range.start.line .range.end.line)
                      (equal .range.start.column .range.end.column))))
      (flycheck-error-new-at .range.start.line .range.start.column
                             (reviewlint--level .severity) .message
                             :end-line (unless empty .range.end.line)
                             :end-column (unless empty .range.end.column)
                             :id .rule :checker checker :buffer buffer
                             :filename (buffer-file-name buffer)))))

(defun reviewlint--parse (output checker buffer)
  "Flycheck errors from OUTPUT, reviewlint's `--format json'.
CHECKER ran on BUFFER."
  (let (errors)
    (dolist (report (flycheck-parse-json output))
      (dolist (file (alist-get 'files report))
        (let ((problem (alist-get 'error file)))
          (when problem
            (push (flycheck-error-new-at 1 1 'error problem :id "input" :checker checker
                                         :buffer buffer :filename (buffer-file-name buffer))
                  errors)))
        (dolist (diagnostic (alist-get 'diagnostics file))
          (push (reviewlint--error diagnostic checker buffer) errors))))
    (nreverse errors)))

(with-eval-after-load 'flycheck
  (flycheck-define-command-checker 'reviewlint
    "reviewlint: vague, unmeasured or biased wording in a performance-review draft.
See URL `https://github.com/reviewlint/reviewlint'."
    :command `(,reviewlint-executable
               "--format" "json" "--fail-on" "never"
               ;; Names the draft: its extension picks Markdown or plain text.
               "--stdin-filename" (eval (or buffer-file-name (buffer-name)))
               "-")
    :standard-input t
    :working-directory #'reviewlint--working-directory
    :error-parser #'reviewlint--parse
    :modes reviewlint-modes)
  ;; First in the list, so that in Markdown and text buffers Flycheck picks reviewlint before
  ;; the checkers it ships for those modes (proselint, markdownlint); they can still follow.
  (add-to-list 'flycheck-checkers 'reviewlint))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(,reviewlint-modes . (,reviewlint-executable "lsp"))))

(provide 'reviewlint)

;;; reviewlint.el ends here
