// The price with VAT, computed in JavaScript as a Xano lambda would.
function "catalog/gross_price" {
  input {
    decimal net
    decimal vat_rate?=0.2
  }

  stack {
    api.lambda {
      code = """
        const gross = $input.net * (1 + $input.vat_rate);
        return Math.round(gross * 100) / 100;
        """
      timeout = 5
    } as $gross
  }

  response = $gross
}
