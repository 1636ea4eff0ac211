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
        " values sent to the ones the record already has: nothing is removed. To make a multiselect".to_owned(),
        " hold exactly the `Vec`, use `overwrite` (`PUT`); to change single attributes, `changes()`.".to_owned(),
        String::new(),
        " Returns the record as Attio stores it after the update, e.g.".to_owned(),
        " `let record = value.update(&client, &id).await?;`".to_owned(),
    ];
    let super::typed::Names { fields, changes } = super::typed::names(object);
    let overwrite_doc = [
        format!(" **Overwrites** the `{slug}` record `id` with this struct's values:"),
        format!(" `PUT /v2/objects/{slug}/records/{{record_id}}`."),
        String::new(),
        " Unlike `update` (`PATCH`), which *adds* the values of `Vec<T>` (multiselect) fields to the".to_owned(),
        " record's, `overwrite` *replaces* them: values not in the `Vec` are removed and an empty `Vec`".to_owned(),
        " clears the attribute. Single values are replaced by both. `None` and read-only fields are left".to_owned(),
        " out, so those attributes are untouched. Idempotent: safe to retry.".to_owned(),
    ];
    let create_doc = format!(
        " Creates a `{slug}` record with this struct's values: `POST /v2/objects/{slug}/records`."
    );
    let assert_doc = format!(
        " Creates a `{slug}` record, or updates the one whose unique attribute `matching` has this struct's value: `PUT /v2/objects/{slug}/records?matching_attribute=...`."
    );
    let get_doc =
        format!(" Reads the `{slug}` record `id`: `GET /v2/objects/{slug}/records/{{record_id}}`.");
    let delete_doc = format!(
        " Deletes the `{slug}` record `id`: `DELETE /v2/objects/{slug}/records/{{record_id}}`."
    );
    let query_doc = format!(
        " A query on `{slug}` records: add filters and sorts through the typed handles, then `stream`, `collect_all` or `first`, e.g. `{ident}::query().filter(|f| ...).collect_all(&client).await?`."
    );
    let fields_doc = format!(" The typed handles to the attributes of `{slug}`, one per field.");
    let changes_doc = format!(
        " An empty change set for a `{slug}` record: `{ident}::changes().set_<field>(...).apply(&client, &id)`."
    );
    quote! {
        #[allow(dead_code)]
        impl #ident {
            #[doc = #slug_doc]
            #vis const SLUG: &'static str = #slug;

            #(#[doc = #update_doc])*
            #[inline]
            #vis fn update<'__a>(
                &'__a self,
                client: &'__a _attio::Client,
                id: &'__a _attio::RecordId,
            ) -> impl ::core::future::Future<Output = _attio::Result<_attio::Record<Self>>> + '__a {
                _attio::Client::update_record(client, self, id)
            }

            #(#[doc = #overwrite_doc])*
            #[inline]
            #vis fn overwrite<'__a>(
                &'__a self,
                client: &'__a _attio::Client,
                id: &'__a _attio::RecordId,
            ) -> impl ::core::future::Future<Output = _attio::Result<_attio::Record<Self>>> + '__a {
                _attio::Client::overwrite_record(client, self, id)
            }

            #[doc = #create_doc]
            /// Not idempotent: retried only when the request never reached Attio. Fails with
            /// `ErrorCode::UniquenessConflict` when a unique attribute's value is taken; to create
            /// or update by a unique attribute, use `assert_by`.
            #[inline]
            #vis fn create<'__a>(
                &'__a self,
                client: &'__a _attio::Client,
            ) -> impl ::core::future::Future<Output = _attio::Result<_attio::Record<Self>>> + '__a {
                _attio::Client::create_record(client, self)
            }

            #[doc = #assert_doc]
            /// The attribute is named through the typed handles, e.g.
            /// `user.assert_by(&client, |f| f.user_id()).await?`; it must be unique in Attio.
            /// Retried on transient failures only when the struct has no multiselect (`Vec<T>`)
            /// field besides the matching one (see `attio::Client::assert_record`).
            #[inline]
            #vis fn assert_by<'__a, __H: _attio::AttributeHandle<Self> + '__a>(
                &'__a self,
                client: &'__a _attio::Client,
                matching: impl ::core::ops::FnOnce(&#fields) -> __H,
            ) -> impl ::core::future::Future<Output = _attio::Result<_attio::Record<Self>>> + '__a {
                _attio::Client::assert_record(client, self, matching(&#fields::__NEW))
            }

            #[doc = #get_doc]
            #[inline]
            #vis fn get<'__a>(
                client: &'__a _attio::Client,
                id: &'__a _attio::RecordId,
            ) -> impl ::core::future::Future<Output = _attio::Result<_attio::Record<Self>>> + '__a {
                _attio::Client::get_record::<Self>(client, id)
            }

            #[doc = #delete_doc]
            #[inline]
            #vis fn delete<'__a>(
                client: &'__a _attio::Client,
                id: &'__a _attio::RecordId,
            ) -> impl ::core::future::Future<Output = _attio::Result<()>> + '__a {
                _attio::Client::delete_record::<Self>(client, id)
            }

            /// Every value one attribute of the record `id` has had, current and past, oldest
            /// first, each with its metadata (`active_from`, `active_until`, `created_by_actor`),
            /// e.g. `User::history(&client, &id, |f| f.user_id()).await?` is a
            /// `Vec<attio::WithMeta<String>>`.
            #[inline]
            #vis fn history<'__a, __H: _attio::AttributeHandle<Self> + '__a>(
                client: &'__a _attio::Client,
                id: &'__a _attio::RecordId,
                attribute: impl ::core::ops::FnOnce(&#fields) -> __H,
            ) -> impl ::core::future::Future<
                Output = _attio::Result<::std::vec::Vec<_attio::WithMeta<__H::Value>>>,
            > + '__a {
                _attio::Client::value_history::<Self, __H>(client, id, attribute(&#fields::__NEW))
            }

            #[doc = #query_doc]
            #[inline]
            #vis fn query() -> _attio::Query<Self> {
                _attio::Query::new()
            }

            #[doc = #fields_doc]
            #[inline]
            #vis fn fields() -> #fields {
                #fields::__NEW
            }

            #[doc = #changes_doc]
            #[inline]
            #vis fn changes() -> #changes {
                #changes(_attio::ChangeSet::new())
            }
        }
    }
}
