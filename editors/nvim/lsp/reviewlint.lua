-- reviewlint as a Neovim 0.11+ LSP config (the format nvim-lspconfig ships in its lsp/ folder).
-- With this folder on 'runtimepath', or this file copied to ~/.config/nvim/lsp/reviewlint.lua:
--
--   vim.lsp.enable('reviewlint')
--
-- Settings (optional): vim.lsp.config('reviewlint', { settings = { reviewlint = {
--   rules = { ['vagueness.hedge'] = 'off' }, rubric = 'engineering-manager' } } })
return {
  cmd = { 'reviewlint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.reviewlint.json', '.git' },
  before_init = function(params, config)
    -- The server reads its settings from initializationOptions too.
    params.initializationOptions = config.settings
  end,
}
