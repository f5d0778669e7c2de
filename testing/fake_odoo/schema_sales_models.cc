// Products, sales orders and their lines, and invoices (account.move): the large generated
// models a sync reads. Shapes follow the fields_get captures of Odoo 18 (odoo-api.md §8).
#include "testing/fake_odoo/field_builder.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {
namespace {

using T = FieldType;

const std::vector<std::pair<std::string, std::string>> kOrderStates = {
    {"draft", "Quotation"}, {"sent", "Quotation Sent"}, {"sale", "Sales Order"}, {"cancel", "Cancelled"}};
const std::vector<std::string> kOrderStatesFr = {"Devis", "Devis envoyé", "Bon de commande", "Annulé"};
const std::vector<std::pair<std::string, std::string>> kInvoiceStatus = {
    {"upselling", "Upselling Opportunity"}, {"invoiced", "Fully Invoiced"},
    {"to invoice", "To Invoice"}, {"no", "Nothing to Invoice"}};

ModelDef Product() {
  ModelDef m = NewModel("product.product", "Product Variant", "default_code, name, id", true);
  m.read_groups = {"User types/Internal User"};
  m.write_groups = {"Sales/Administrator", "Inventory/Administrator"};
  m.fields = {
      Field("name", T::kChar, "Name").Req().Fr("Nom"),
      Field("default_code", T::kChar, "Internal Reference").Fr("Référence interne"),
      Field("barcode", T::kChar, "Barcode").Help("International Article Number used for product identification."),
      Field("type", T::kSelection, "Product Type").Req()
          .Help("Goods are tangible materials and merchandise you provide.\nA service is a non-material product you provide.")
          .Sel({{"consu", "Goods"}, {"service", "Service"}, {"combo", "Combo"}})
          .SelFr({"Biens", "Service", "Combo"}),
      Field("categ_id", T::kMany2one, "Product Category").Req().Rel("product.category"),
      Field("list_price", T::kFloat, "Sales Price").Digits(16, 2).Fr("Prix de vente")
          .Help("Price at which the product is sold to customers."),
      Field("lst_price", T::kFloat, "Sales Price").Digits(16, 2).Computed(),
      Field("standard_price", T::kFloat, "Cost").Digits(16, 2).Fr("Coût"),
      Field("uom_id", T::kMany2one, "Unit").Req().Rel("uom.uom"),
      Field("sale_ok", T::kBoolean, "Sales").Help("Specify if the product can be selected in a sales order line."),
      Field("active", T::kBoolean, "Active")
          .Help("If unchecked, it will allow you to hide the product without removing it."),
      Field("description", T::kHtml, "Description"),
      Field("description_sale", T::kText, "Sales Description"),
      Field("weight", T::kFloat, "Weight").Digits(16, 2),
      Field("volume", T::kFloat, "Volume").Digits(16, 2),
      Field("image_1920", T::kBinary, "Image").Attachment(),
      Field("company_id", T::kMany2one, "Company").Rel("res.company"),
  };
  return m;
}

ModelDef SaleOrder() {
  ModelDef m = NewModel("sale.order", "Sales Order", "date_order desc, id desc", true);
  m.read_groups = {"Sales/User: Own Documents Only"};
  m.write_groups = {"Sales/User: Own Documents Only"};
  m.fields = {
      Field("name", T::kChar, "Order Reference").Req().Fr("Référence de la commande"),
      Field("partner_id", T::kMany2one, "Customer").Req().Rel("res.partner").Fr("Client"),
      Field("date_order", T::kDatetime, "Order Date").Req().Fr("Date de commande")
          .Help("Creation date of draft/sent orders,\nConfirmation date of confirmed orders."),
      Field("validity_date", T::kDate, "Expiration")
          .Help("Validity of the order, after that you will not able to sign & pay the quotation."),
      Field("commitment_date", T::kDatetime, "Delivery Date")
          .Help("This is the delivery date promised to the customer. If set, the delivery order will "
                "be scheduled based on this date rather than product lead times."),
      Field("state", T::kSelection, "Status").Ro().Fr("Statut").Sel(kOrderStates).SelFr(kOrderStatesFr),
      Field("client_order_ref", T::kChar, "Customer Reference"),
      Field("origin", T::kChar, "Source Document")
          .Help("Reference of the document that generated this sales order request"),
      Field("note", T::kHtml, "Terms and conditions"),
      Field("currency_id", T::kMany2one, "Currency").Ro().Rel("res.currency"),
      Field("currency_rate", T::kFloat, "Currency Rate").Ro().DigitsZero(),
      Field("user_id", T::kMany2one, "Salesperson").Rel("res.users").Fr("Vendeur"),
      Field("team_id", T::kMany2one, "Sales Team").Rel("crm.team"),
      Field("company_id", T::kMany2one, "Company").Req().Rel("res.company"),
      Field("order_line", T::kOne2many, "Order Lines").Rel("sale.order.line").Inverse("order_id"),
      Field("tag_ids", T::kMany2many, "Tags").Rel("crm.tag"),
      Field("amount_untaxed", T::kMonetary, "Untaxed Amount").Ro().Currency("currency_id"),
      Field("amount_tax", T::kMonetary, "Taxes").Ro().Currency("currency_id"),
      Field("amount_total", T::kMonetary, "Total").Ro().Currency("currency_id").Fr("Total"),
      Field("amount_to_invoice", T::kMonetary, "Un-invoiced Balance").Ro().Computed().Currency("currency_id"),
      Field("invoice_status", T::kSelection, "Invoice Status").Ro().Sel(kInvoiceStatus),
      Field("require_signature", T::kBoolean, "Online signature")
          .Help("Request a online signature from the customer to confirm the order."),
      Field("require_payment", T::kBoolean, "Online payment")
          .Help("Request a online payment from the customer to confirm the order."),
      Field("locked", T::kBoolean, "Locked").Help("Locked orders cannot be modified."),
      Field("signature", T::kBinary, "Signature").Attachment(),
      Field("create_date", T::kDatetime, "Creation Date").Ro(),
  };
  return m;
}

ModelDef SaleOrderLine() {
  ModelDef m = NewModel("sale.order.line", "Sales Order Line", "order_id, sequence, id", true);
  m.read_groups = {"Sales/User: Own Documents Only"};
  m.write_groups = {"Sales/User: Own Documents Only"};
  m.fields = {
      Field("order_id", T::kMany2one, "Order Reference").Req().Rel("sale.order"),
      Field("sequence", T::kInteger, "Sequence"),
      Field("product_id", T::kMany2one, "Product").Rel("product.product").Fr("Produit"),
      Field("name", T::kText, "Description").Req(),
      Field("product_uom_qty", T::kFloat, "Quantity").Req().Digits(16, 2).Fr("Quantité"),
      Field("product_uom", T::kMany2one, "Unit of Measure").Rel("uom.uom"),
      Field("price_unit", T::kFloat, "Unit Price").Req().Digits(16, 2).Fr("Prix unitaire"),
      Field("discount", T::kFloat, "Discount (%)").Digits(16, 2),
      Field("price_subtotal", T::kMonetary, "Subtotal").Ro().Currency("currency_id"),
      Field("price_tax", T::kFloat, "Total Tax").Ro(),
      Field("price_total", T::kMonetary, "Total").Ro().Currency("currency_id"),
      Field("currency_id", T::kMany2one, "Currency").Ro().Rel("res.currency"),
      Field("order_partner_id", T::kMany2one, "Customer").Ro().Rel("res.partner"),
      Field("state", T::kSelection, "Order Status").Ro().Sel(kOrderStates).SelFr(kOrderStatesFr),
      Field("qty_delivered", T::kFloat, "Delivery Quantity").Digits(16, 2),
      Field("qty_invoiced", T::kFloat, "Invoiced Quantity").Ro().Digits(16, 2),
      Field("display_type", T::kSelection, "Display Type")
          .Sel({{"line_section", "Section"}, {"line_note", "Note"}}),
      Field("customer_lead", T::kFloat, "Lead Time").Req()
          .Help("Number of days between the order confirmation and the shipping of the products to the customer"),
      Field("company_id", T::kMany2one, "Company").Ro().Rel("res.company"),
  };
  return m;
}

ModelDef AccountMove() {
  ModelDef m = NewModel("account.move", "Journal Entry", "date desc, name desc, id desc", true);
  m.read_groups = {"Invoicing/Billing", "Invoicing/Read-only"};
  m.write_groups = {"Invoicing/Billing"};
  m.fields = {
      Field("name", T::kChar, "Number"),
      Field("move_type", T::kSelection, "Type").Req().Ro()
          .Sel({{"entry", "Journal Entry"}, {"out_invoice", "Customer Invoice"},
                {"out_refund", "Customer Credit Note"}, {"in_invoice", "Vendor Bill"},
                {"in_refund", "Vendor Credit Note"}, {"out_receipt", "Sales Receipt"},
                {"in_receipt", "Purchase Receipt"}})
          .SelFr({"Pièce comptable", "Facture client", "Avoir client", "Facture fournisseur",
                  "Avoir fournisseur", "Reçu de vente", "Reçu d'achat"}),
      Field("state", T::kSelection, "Status").Req().Ro()
          .Sel({{"draft", "Draft"}, {"posted", "Posted"}, {"cancel", "Cancelled"}})
          .SelFr({"Brouillon", "Comptabilisé", "Annulé"}),
      Field("partner_id", T::kMany2one, "Partner").Rel("res.partner"),
      Field("invoice_date", T::kDate, "Invoice/Bill Date").Fr("Date de facturation"),
      Field("invoice_date_due", T::kDate, "Due Date").Fr("Date d'échéance"),
      Field("date", T::kDate, "Date").Req(),
      Field("amount_untaxed", T::kMonetary, "Untaxed Amount").Ro().Currency("currency_id"),
      Field("amount_tax", T::kMonetary, "Tax").Ro().Currency("currency_id"),
      Field("amount_total", T::kMonetary, "Total").Ro().Currency("currency_id"),
      Field("amount_residual", T::kMonetary, "Amount Due").Ro().Currency("currency_id"),
      Field("currency_id", T::kMany2one, "Currency").Req().Rel("res.currency"),
      Field("payment_state", T::kSelection, "Payment Status").Ro()
          .Sel({{"not_paid", "Not Paid"}, {"in_payment", "In Payment"}, {"paid", "Paid"},
                {"partial", "Partially Paid"}, {"reversed", "Reversed"}}),
      Field("ref", T::kChar, "Reference"),
      Field("narration", T::kHtml, "Terms and Conditions"),
      Field("invoice_origin", T::kChar, "Origin").Ro().Help("The document(s) that generated the invoice."),
      Field("invoice_user_id", T::kMany2one, "Salesperson").Rel("res.users"),
      Field("team_id", T::kMany2one, "Sales Team").Rel("crm.team"),
      Field("company_id", T::kMany2one, "Company").Ro().Rel("res.company"),
      Field("is_move_sent", T::kBoolean, "Is Move Sent").Ro()
          .Help("It indicates that the invoice/payment has been sent or the PDF has been generated."),
      Field("invoice_partner_display_name", T::kChar, "Invoice Partner Display Name").Ro(),
  };
  return m;
}

}  // namespace

void AddSalesModels(std::vector<ModelDef>& models) {
  models.push_back(Product());
  models.push_back(SaleOrder());
  models.push_back(SaleOrderLine());
  models.push_back(AccountMove());
}

}  // namespace xlsync::fakes
