# Writes the man page reviewlint.1 from `reviewlint --help`, so the page never drifts from the
# options: run at build time with -DBINARY=... -DVERSION=... -DOUTPUT=...
execute_process(COMMAND "${BINARY}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BINARY} --help failed: ${status}")
endif()
# roff: a leading dot or quote would be read as a request, and backslashes as escapes.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
file(WRITE "${OUTPUT}"
".TH REVIEWLINT 1 \"\" \"reviewlint ${VERSION}\" \"User Commands\"
.SH NAME
reviewlint \\- a linter for performance-review drafts
.SH SYNOPSIS
.B reviewlint
[\\fIOPTIONS\\fR] [\\fIpaths\\fR...] [\\fISUBCOMMAND\\fR]
.SH DESCRIPTION
Flags vague praise, unmeasured impact claims, template leftovers, biased wording and unbalanced
feedback in Markdown and plain-text reviews. The text below is
.BR \"reviewlint \\-\\-help\" .
.PP
.nf
${help}.fi
.SH SEE ALSO
The README of the reviewlint source tree, and
.B reviewlint \\-\\-explain
.IR RULE .
")
