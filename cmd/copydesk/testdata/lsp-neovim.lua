-- Headless Neovim (0.7 or later) as copydesk's language client, for
-- TestLSPNeovim: attach `copydesk lsp` to the buffer being edited, wait
-- for its diagnostics, write them to $COPYDESK_OUT as JSON lines (as
-- Neovim holds them: 0-based lines, byte columns), stop the server and
-- quit. Exits 1 on a timeout. The same start_client call is the set-up
-- docs/editor.md gives for Neovim 0.7 (0.8+ has vim.lsp.start).
local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN not set")
local out = assert(os.getenv("COPYDESK_OUT"), "COPYDESK_OUT not set")

local exited = false
local client_id = vim.lsp.start_client({
  name = "copydesk",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.getcwd(),
  on_exit = function() exited = true end,
})
if not client_id then
  io.stderr:write("could not start copydesk lsp\n")
  vim.cmd("cquit 1")
end

local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local got = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)

-- The server's process and its children (the plugins), so that the test
-- can check that none outlives the session.
local function children(pid)
  local out = {}
  for _, stat in ipairs(vim.fn.glob("/proc/[0-9]*/stat", 0, 1)) do
    local fh = io.open(stat)
    if fh then
      local s = fh:read("*a") or ""
      fh:close()
      local rest = s:match("%) (.*)$") -- fields after the command name
      local ppid = rest and tonumber(rest:match("^%S+ (%d+)"))
      if ppid == pid then
        table.insert(out, tonumber(stat:match("/proc/(%d+)/")))
      end
    end
  end
  return out
end
local client = vim.lsp.get_client_by_id(client_id)
local server_pid = client and client.rpc and client.rpc.pid or 0

local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode({ server_pid = server_pid, plugin_pids = children(server_pid) }) .. "\n")
for _, d in ipairs(vim.diagnostic.get(buf)) do
  f:write(vim.fn.json_encode({
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
  }) .. "\n")
end
f:close()

-- stop_client sends shutdown and exit; wait for the server to end.
vim.lsp.stop_client(client_id)
vim.wait(20000, function() return exited end, 50)
if not got then
  io.stderr:write("no diagnostics from copydesk lsp within 60 s\n")
  vim.cmd("cquit 1")
end
if not exited then
  io.stderr:write("copydesk lsp did not exit after shutdown\n")
  vim.cmd("cquit 1")
end
vim.cmd("qall!")
