//! Inherent items on the struct: `SLUG` and thin forwarders such as `update`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Object;

pub fn expand(object: &Object<'_>) -> TokenStream {
    let ident = object.ident;
    let vis = object.vis;
    let slug = &object.slug;
    let slug_doc = format!(" The Attio object slug, `{slug}`.");
    let update_doc = [
        format!(" Updates the `{slug}` record `id` with this struct's values:"),
        format!(" `PATCH /v2/objects/{slug}/records/{{record_id}}`."),
        String::new(),
        " Every writable field that has something to send is written: a `None` is left out, so the".to_owned(),
        " attribute keeps its value, and `#[attio(read_only)]` fields are never sent. Single-value".to_owned(),
        " attributes are replaced; for multiselect attributes (`Vec<T>` fields) Attio *appends* the".to_owned(),
        " values sent to the ones the record already has.".to_owned(),
        String::new(),
        " Returns the record as Attio stores it after the update, e.g.".to_owned(),
        " `let record = value.update(&client, &id).await?;`".to_owned(),
    ];
    quote! {
        #[allow(dead_code)]
        impl #ident {
            #[doc = #slug_doc]
            #vis const SLUG: &'static str = #slug;

            #(#[doc = #update_doc])*
            #vis async fn update(
                &self,
                client: &_attio::Client,
                id: &_attio::RecordId,
            ) -> _attio::Result<_attio::Record<Self>> {
                _attio::__private::update(client, self, id).await
            }
        }
    }
}
