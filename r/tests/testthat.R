library(testthat)
library(rkerasbridge)

test_check("rkerasbridge")
