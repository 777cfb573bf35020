" reviewlint for ALE: the command and the output handler shared by the Markdown and text linters.
" reviewlint reads the buffer on stdin and prints `--format line`:
"   path:LINE:COL: error|warning|info: MESSAGE [RULE]
" COL counts code points; ALE wants byte columns, so the handler converts them with the buffer's
" line, and underlines the words the message quotes.

call ale#Set('reviewlint_executable', 'reviewlint')
call ale#Set('reviewlint_options', '')

function! reviewlint#ale#Executable(buffer) abort
    return ale#Var(a:buffer, 'reviewlint_executable')
endfunction

function! reviewlint#ale#Command(buffer) abort
    " --stdin-filename names the draft (its extension picks Markdown or plain text, and config
    " overrides match it); the buffer's folder is the working directory, so the nearest
    " .reviewlint.json applies.
    let l:options = ale#Var(a:buffer, 'reviewlint_options')
    return '%e --format line --fail-on never'
    \   . (empty(l:options) ? '' : ' ' . l:options)
    \   . ' --stdin-filename %s -'
endfunction

function! reviewlint#ale#Cwd(buffer) abort
    return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

let s:types = {'error': 'E', 'warning': 'W', 'info': 'I'}

function! reviewlint#ale#Handle(buffer, lines) abort
    let l:pattern = '\v^.{-}:(\d+):(\d+): (error|warning|info): (.*) \[([^\]]+)\]$'
    let l:output = []

    for l:match in ale#util#GetMatches(a:lines, l:pattern)
        let l:lnum = str2nr(l:match[1])
        let l:cp = str2nr(l:match[2])
        let l:text = get(getbufline(a:buffer, l:lnum), 0, '')
        " Code point → byte column (composing characters count as code points, as in reviewlint).
        let l:byte = byteidxcomp(l:text, l:cp - 1)
        let l:item = {
        \   'lnum': l:lnum,
        \   'col': l:byte < 0 ? l:cp : l:byte + 1,
        \   'type': s:types[l:match[3]],
        \   'text': l:match[4],
        \   'code': l:match[5],
        \}
        " Most messages start with the flagged words in quotes: underline exactly those.
        let l:quoted = matchstr(l:match[4], '\v^"\zs[^"]+\ze"')
        if !empty(l:quoted) && strpart(l:text, l:item.col - 1, len(l:quoted)) is# l:quoted
            let l:item.end_col = l:item.col + len(l:quoted) - 1
        endif
        call add(l:output, l:item)
    endfor

    return l:output
endfunction

function! reviewlint#ale#Define(filetype) abort
    call ale#linter#Define(a:filetype, {
    \   'name': 'reviewlint',
    \   'executable': function('reviewlint#ale#Executable'),
    \   'command': function('reviewlint#ale#Command'),
    \   'cwd': function('reviewlint#ale#Cwd'),
    \   'callback': 'reviewlint#ale#Handle',
    \   'output_stream': 'stdout',
    \})
endfunction
