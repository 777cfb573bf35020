" Description: reviewlint, a linter for performance-review drafts
call reviewlint#ale#Define('markdown')
