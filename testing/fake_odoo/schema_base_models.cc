// res.partner and the small models that many2one fields point at. Labels, help texts and
// selections follow the fields_get captures of a real Odoo 18 (odoo-api.md §8).
#include "testing/fake_odoo/field_builder.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {
namespace {

using T = FieldType;

ModelDef Partner() {
  ModelDef m = NewModel("res.partner", "Contact", "complete_name ASC, id DESC", true);
  m.read_groups = {"User types/Internal User"};
  m.write_groups = {"Extra Rights/Contact Creation"};
  m.fields = {
      Field("name", T::kChar, "Name").Fr("Nom"),
      Field("complete_name", T::kChar, "Complete Name").Ro(),
      Field("is_company", T::kBoolean, "Is a Company").Fr("Est une société")
          .Help("Check if the contact is a company, otherwise it is a person"),
      Field("company_type", T::kSelection, "Company Type").Computed()
          .Sel({{"person", "Individual"}, {"company", "Company"}}).SelFr({"Particulier", "Société"}),
      Field("parent_id", T::kMany2one, "Related Company").Rel("res.partner").Fr("Société liée"),
      Field("child_ids", T::kOne2many, "Contact").Rel("res.partner").Inverse("parent_id"),
      Field("type", T::kSelection, "Address Type").Fr("Type d'adresse")
          .Sel({{"contact", "Contact"}, {"invoice", "Invoice Address"},
                {"delivery", "Delivery Address"}, {"other", "Other Address"}})
          .SelFr({"Contact", "Adresse de facturation", "Adresse de livraison", "Autre adresse"}),
      Field("ref", T::kChar, "Reference").Fr("Référence"),
      Field("vat", T::kChar, "Tax ID").Fr("N° TVA")
          .Help("The Tax Identification Number. Values here will be validated based on the country "
                "format. You can use '/' to indicate that the partner is not subject to tax."),
      Field("email", T::kChar, "Email"),
      Field("phone", T::kChar, "Phone").Fr("Téléphone"),
      Field("street", T::kChar, "Street").Fr("Rue"),
      Field("street2", T::kChar, "Street2"),
      Field("zip", T::kChar, "Zip").Fr("Code postal"),
      Field("city", T::kChar, "City").Fr("Ville"),
      Field("country_id", T::kMany2one, "Country").Rel("res.country").Fr("Pays"),
      Field("website", T::kChar, "Website Link"),
      Field("comment", T::kHtml, "Notes"),
      Field("function", T::kChar, "Job Position").Fr("Poste occupé"),
      Field("lang", T::kSelection, "Language")
          .Help("All the emails and documents sent to this contact will be translated in this language.")
          .Sel({{"en_US", "English (US)"}, {"fr_FR", "French / Français"}}),
      Field("tz", T::kSelection, "Timezone")
          .Sel({{"America/New_York", "America/New_York"}, {"Europe/Brussels", "Europe/Brussels"},
                {"Europe/Paris", "Europe/Paris"}, {"UTC", "UTC"}}),
      Field("user_id", T::kMany2one, "Salesperson").Rel("res.users")
          .Help("The internal user in charge of this contact."),
      Field("category_id", T::kMany2many, "Tags").Rel("res.partner.category").Fr("Étiquettes"),
      Field("active", T::kBoolean, "Active").Fr("Actif"),
      Field("color", T::kInteger, "Color Index"),
      Field("customer_rank", T::kInteger, "Customer Rank"),
      Field("supplier_rank", T::kInteger, "Supplier Rank"),
      Field("partner_latitude", T::kFloat, "Geo Latitude").Digits(10, 7),
      Field("partner_longitude", T::kFloat, "Geo Longitude").Digits(10, 7),
      Field("credit_limit", T::kFloat, "Credit Limit").Help("Credit limit specific to this partner."),
      Field("credit", T::kMonetary, "Total Receivable").Ro().ComputedSearchable().Currency("currency_id")
          .Help("Total amount this customer owes you.")
          .Groups("account.group_account_invoice,account.group_account_readonly"),
      Field("currency_id", T::kMany2one, "Currency").Ro().Computed().Rel("res.currency"),
      Field("company_id", T::kMany2one, "Company").Rel("res.company"),
      Field("image_1920", T::kBinary, "Image").Attachment(),
      Field("barcode", T::kChar, "Barcode").Help("Use a barcode to identify this contact."),
  };
  return m;
}

ModelDef Fixed(std::string name, std::string description, std::string order,
               std::vector<FieldDef> fields) {
  ModelDef m = NewModel(std::move(name), std::move(description), std::move(order), false);
  m.read_groups = {"User types/Internal User"};
  m.write_groups = {"Administration/Settings"};
  m.fields = std::move(fields);
  return m;
}

void AddSmallModels(std::vector<ModelDef>& models) {
  models.push_back(Fixed("res.country", "Country", "name", {
      Field("name", T::kChar, "Country Name").Req().Fr("Nom du pays"),
      Field("code", T::kChar, "Country Code").Help("The ISO country code in two chars. \nYou can use this field for quick search."),
      Field("currency_id", T::kMany2one, "Currency").Rel("res.currency"),
      Field("phone_code", T::kInteger, "Country Calling Code"),
  }));
  models.push_back(Fixed("res.currency", "Currency", "active desc, name", {
      Field("name", T::kChar, "Currency").Req().Help("Currency Code (ISO 4217)"),
      Field("full_name", T::kChar, "Name"),
      Field("symbol", T::kChar, "Symbol").Req(),
      Field("rounding", T::kFloat, "Rounding Factor").DigitsZero(),
      Field("decimal_places", T::kInteger, "Decimal Places").Ro().Computed(),
      Field("position", T::kSelection, "Symbol Position")
          .Help("Determines where the currency symbol should be placed after or before the amount.")
          .Sel({{"after", "After Amount"}, {"before", "Before Amount"}}),
      Field("active", T::kBoolean, "Active"),
  }));
  models.push_back(Fixed("res.company", "Companies", "sequence, name", {
      Field("name", T::kChar, "Company Name").Req(),
      Field("currency_id", T::kMany2one, "Currency").Req().Rel("res.currency"),
      Field("country_id", T::kMany2one, "Country").Rel("res.country"),
      Field("email", T::kChar, "Email"),
      Field("sequence", T::kInteger, "Sequence"),
  }));
  models.push_back(Fixed("res.users", "User", "name, login", {
      Field("name", T::kChar, "Name").Req(),
      Field("login", T::kChar, "Login").Req(),
      Field("active", T::kBoolean, "Active"),
      Field("share", T::kBoolean, "Share User").Ro(),
      Field("company_id", T::kMany2one, "Company").Req().Rel("res.company"),
      Field("company_ids", T::kMany2many, "Companies").Rel("res.company"),
  }));
  models.back().write_groups = {"Administration/Access Rights"};
  models.push_back(Fixed("crm.team", "Sales Team", "sequence ASC, name", {
      Field("name", T::kChar, "Sales Team").Req().Fr("Équipe commerciale"),
      Field("sequence", T::kInteger, "Sequence"),
      Field("active", T::kBoolean, "Active"),
      Field("user_id", T::kMany2one, "Team Leader").Rel("res.users"),
      Field("company_id", T::kMany2one, "Company").Rel("res.company"),
  }));
  models.push_back(Fixed("uom.uom", "Product Unit of Measure", "factor DESC, id", {
      Field("name", T::kChar, "Unit of Measure").Req(),
      Field("factor", T::kFloat, "Ratio").Req().DigitsZero(),
      Field("rounding", T::kFloat, "Rounding Precision").Req().DigitsZero(),
      Field("uom_type", T::kSelection, "Type").Req()
          .Sel({{"bigger", "Bigger than the reference Unit of Measure"},
                {"reference", "Reference Unit of Measure for this category"},
                {"smaller", "Smaller than the reference Unit of Measure"}}),
      Field("active", T::kBoolean, "Active"),
  }));
  models.push_back(Fixed("product.category", "Product Category", "complete_name", {
      Field("name", T::kChar, "Name").Req(),
      Field("complete_name", T::kChar, "Complete Name").Ro(),
      Field("parent_id", T::kMany2one, "Parent Category").Rel("product.category"),
  }));
  models.push_back(Fixed("res.partner.category", "Partner Tags", "name", {
      Field("name", T::kChar, "Name").Req(),
      Field("color", T::kInteger, "Color"),
      Field("active", T::kBoolean, "Active"),
  }));
  models.push_back(Fixed("crm.tag", "CRM Tag", "name", {
      Field("name", T::kChar, "Tag Name").Req(),
      Field("color", T::kInteger, "Color"),
  }));
}

}  // namespace

void AddBaseModels(std::vector<ModelDef>& models) {
  models.push_back(Partner());
  AddSmallModels(models);
}

}  // namespace xlsync::fakes
