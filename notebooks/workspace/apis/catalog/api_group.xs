api_group catalog {
  canonical = "CATALOGTUTORIAL"
}
