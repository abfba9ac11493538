// Demo only: stands in for Google's and Meta's scripts on the gallery's pages (gallery-frame.js), where
// a choice is undone at once: it does nothing and sets no cookie.
