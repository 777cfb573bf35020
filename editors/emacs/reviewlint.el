;;; reviewlint.el --- reviewlint for Flycheck and Eglot  -*- lexical-binding: t -*-

;; reviewlint flags vague praise, unmeasured impact claims, template leftovers and biased
;; wording in performance-review drafts.  This file gives Emacs two ways to run it:
;;
;; - a Flycheck checker, `reviewlint', that pipes the buffer to
;;   `reviewlint --format line' (columns are characters, as Flycheck counts them);
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

(defun reviewlint--pattern (level word)
  "A Flycheck error pattern for `--format line' output at LEVEL, printed as WORD."
  `(,level line-start (minimal-match (one-or-more not-newline))
           ":" line ":" column ": " ,word ": "
           (message (minimal-match (one-or-more not-newline)))
           " [" (id (one-or-more (not (any "]")))) "]" line-end))

(with-eval-after-load 'flycheck
  (flycheck-define-command-checker 'reviewlint
    "reviewlint: vague, unmeasured or biased wording in a performance-review draft.
See URL `https://github.com/reviewlint/reviewlint'."
    :command `(,reviewlint-executable
               "--format" "line" "--fail-on" "never"
               ;; Names the draft: its extension picks Markdown or plain text.
               "--stdin-filename" (eval (or buffer-file-name (buffer-name)))
               "-")
    :standard-input t
    :working-directory #'reviewlint--working-directory
    :error-patterns (list (reviewlint--pattern 'error "error")
                          (reviewlint--pattern 'warning "warning")
                          (reviewlint--pattern 'info "info"))
    :modes reviewlint-modes)
  (add-to-list 'flycheck-checkers 'reviewlint 'append))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(,reviewlint-modes . (,reviewlint-executable "lsp"))))

(provide 'reviewlint)

;;; reviewlint.el ends here
