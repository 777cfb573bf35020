-- reviewlint for Neovim: runs `reviewlint lsp` for Markdown and text buffers, so findings show
-- as diagnostics while you type, with hover (K) and code actions (vim.lsp.buf.code_action()).
--
--   require('reviewlint').setup()                                   -- defaults below
--   require('reviewlint').setup({ cmd = { '/path/to/reviewlint', 'lsp' },
--                                 settings = { reviewlint = { rules = { ['vagueness.hedge'] = 'off' } } } })
--
-- Uses vim.lsp.start (Neovim 0.8+), and vim.lsp.start_client on Neovim 0.7.
local M = {}

M.defaults = {
  cmd = { 'reviewlint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  -- The workspace root: the nearest folder with one of these, else the file's folder.
  root_markers = { '.reviewlint.json', '.git' },
  -- Sent as initializationOptions and workspace/didChangeConfiguration:
  -- { reviewlint = { rules = { [id or pack] = 'off'|'info'|'warning'|'error' },
  --                  rubric = 'engineering-manager', rulesDirs = { '/path/to/packs' } } }
  settings = nil,
  on_attach = nil,
  capabilities = nil,
}

M.config = vim.deepcopy(M.defaults)

local clients = {} -- Neovim 0.7: client id per root folder

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.loop.cwd()
  local dir = start
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  return start
end

--- Starts (or reuses) the server for `bufnr` and attaches it. Returns the client id.
function M.start(bufnr, opts)
  opts = opts or M.config
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = find_root(bufnr, opts.root_markers)
  local config = {
    name = 'reviewlint',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = opts.settings,
    settings = opts.settings,
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Starts the server for every buffer of the configured filetypes, now and from now on.
function M.setup(opts)
  M.config = vim.deepcopy(M.defaults)
  for k, v in pairs(opts or {}) do
    M.config[k] = v
  end
  local group = vim.api.nvim_create_augroup('reviewlint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

return M
