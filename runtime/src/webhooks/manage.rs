//! Webhook management on the [`Client`]: create, list, get, update, delete.

use std::collections::HashSet;

use url::Url;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::operation;
use crate::values::WebhookId;
use crate::wire::webhook::{CreatedWebhook, Subscription, Webhook, WebhookUpdate};

/// The page size `list_webhooks` asks for: Attio's maximum.
const PAGE: u32 = 100;

/// Refuses a target URL that is not an absolute `http(s)` URL, before sending.
fn check_target_url(url: &str) -> Result<()> {
    let parsed = Url::parse(url).map_err(|e| {
        Error::InvalidInput(format!("the webhook target URL `{url}` is not a URL: {e}"))
    })?;
    match parsed.scheme() {
        "https" | "http" => Ok(()),
        other => Err(Error::InvalidInput(format!(
            "the webhook target URL `{url}` has scheme `{other}`; Attio delivers to https:// URLs"
        ))),
    }
}

impl Client {
    /// `POST /v2/webhooks`: subscribes `target_url` to events. The answer holds the webhook's
    /// **secret, which Attio returns only here**: store it, it verifies every delivery.
    ///
    /// Attio requires an `https://` target (`http://` is accepted by this method for a local
    /// sandbox, and refused by Attio). A create is not idempotent (a repeat makes a second
    /// webhook), so it is retried only when it was never sent.
    ///
    /// ```no_run
    /// use attio::webhooks::{Condition, EventType, Filter, Subscription};
    ///
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// let created = client
    ///     .create_webhook(
    ///         "https://example.com/attio",
    ///         &[
    ///             Subscription::new(EventType::RecordUpdated).filter(Filter::all([
    ///                 Condition::equals("id.object_id", "97052eb9-e65e-443f-a297-f2d9a4a7f795"),
    ///             ])),
    ///             Subscription::new(EventType::NoteCreated),
    ///         ],
    ///     )
    ///     .await?;
    /// save(created.webhook.id.webhook_id, created.secret.expose_secret());
    /// # Ok(()) }
    /// # fn save(_: attio::values::WebhookId, _: &str) {}
    /// ```
    pub async fn create_webhook(
        &self,
        target_url: &str,
        subscriptions: &[Subscription],
    ) -> Result<CreatedWebhook> {
        check_target_url(target_url)?;
        if subscriptions.is_empty() {
            return Err(Error::InvalidInput(
                "a webhook needs at least one subscription (`Subscription::new(EventType::…)`)"
                    .into(),
            ));
        }
        let created = self
            .execute(operation::webhooks::create(target_url, subscriptions))
            .await?;
        self.remember_secret(created.secret.expose_secret());
        Ok(created)
    }

    /// `GET /v2/webhooks`, page after page: every webhook of the workspace (made with this
    /// token's workspace; secrets are not included).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> attio::Result<()> {
    /// for webhook in client.list_webhooks().await? {
    ///     println!("{} → {} ({})", webhook.id.webhook_id, webhook.target_url, webhook.status.as_str());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_webhooks(&self) -> Result<Vec<Webhook>> {
        let mut all = Vec::new();
        let mut seen = HashSet::new();
        loop {
            let page = self
                .execute(operation::webhooks::list_page(PAGE, all.len() as u64))
                .await?;
            let full = page.len() >= PAGE as usize;
            let before = all.len();
            for webhook in page {
                // A server that ignored the offset would send the same page forever.
                if seen.insert(webhook.id.webhook_id.clone()) {
                    all.push(webhook);
                }
            }
            if !full || all.len() == before {
                return Ok(all);
            }
        }
    }

    /// `GET /v2/webhooks/{webhook_id}`: one webhook (without its secret).
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let id: attio::values::WebhookId = "23e42eaf-323a-41da-b5bb-fd67eebda553".parse()?;
    /// let webhook = client.get_webhook(&id).await?;
    /// println!("{} subscriptions", webhook.subscriptions.len());
    /// # Ok(()) }
    /// ```
    pub async fn get_webhook(&self, id: &WebhookId) -> Result<Webhook> {
        self.execute(operation::webhooks::get(id)).await
    }

    /// `PATCH /v2/webhooks/{webhook_id}`: a new target URL, or new subscriptions, which
    /// **replace** the whole list. Idempotent, so retried on transient failures. An update that
    /// changes nothing is refused before sending.
    ///
    /// ```no_run
    /// use attio::webhooks::{EventType, Subscription, WebhookUpdate};
    ///
    /// # async fn run(client: attio::Client, id: attio::values::WebhookId) -> attio::Result<()> {
    /// let update = WebhookUpdate::new().subscriptions([
    ///     Subscription::new(EventType::RecordCreated),
    ///     Subscription::new(EventType::RecordDeleted),
    /// ]);
    /// let webhook = client.update_webhook(&id, &update).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_webhook(&self, id: &WebhookId, update: &WebhookUpdate) -> Result<Webhook> {
        if update.is_empty() {
            return Err(Error::InvalidInput(format!(
                "the update of webhook {id} changes nothing: set a target URL or subscriptions"
            )));
        }
        if let Some(url) = update.new_target_url() {
            check_target_url(url)?;
        }
        self.execute(operation::webhooks::update(id, update)).await
    }

    /// `DELETE /v2/webhooks/{webhook_id}`: deletes the webhook; no more deliveries are made.
    ///
    /// ```no_run
    /// # async fn run(client: attio::Client, id: attio::values::WebhookId) -> attio::Result<()> {
    /// client.delete_webhook(&id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_webhook(&self, id: &WebhookId) -> Result<()> {
        self.execute(operation::webhooks::delete(id)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_urls_are_checked_before_sending() {
        assert!(check_target_url("https://example.com/hook").is_ok());
        assert!(check_target_url("http://127.0.0.1:9000/hook").is_ok());
        let err = check_target_url("example.com/hook")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("is not a URL") && err.contains("nothing was sent"),
            "{err}"
        );
        let err = check_target_url("ftp://example.com")
            .unwrap_err()
            .to_string();
        assert!(err.contains("scheme `ftp`"), "{err}");
    }
}
