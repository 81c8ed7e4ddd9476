-- pandoc filter for the Windows zip: a link to another markdown page of the release
-- (docs/guide.md, ../README.md) points at its HTML page instead.
function Link(el)
  if not el.target:match("^%a+://") then
    el.target = el.target:gsub("%.md(#?)", ".html%1")
  end
  return el
end
