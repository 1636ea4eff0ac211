//! Every generated operation, query and change-set method type-checks.

use attio::prelude::*;
use attio::{attio_object, Client, Record, RecordId, SelectOption, Status, WithMeta};

#[attio_object(slug = "deals")]
pub struct Deal {
    pub name: String,
    pub stage: Status,
    pub value: Option<attio::Currency>,
    pub associated_people: Vec<attio::RecordReference>,
    pub tags: Vec<SelectOption>,
    pub owner: Option<WithMeta<attio::ActorReference>>,
    #[attio(read_only)]
    pub last_email_interaction: Option<attio::Interaction>,
}

#[allow(dead_code)]
async fn all(client: &Client, id: &RecordId, deal: Deal) -> attio::Result<()> {
    let _: Record<Deal> = deal.create(client).await?;
    let _: Record<Deal> = Deal::get(client, id).await?;
    let _: Record<Deal> = deal.update(client, id).await?;
    let _: Record<Deal> = deal.overwrite(client, id).await?;
    let _: Record<Deal> = deal.assert_by(client, |f| f.name()).await?;
    let _: Vec<WithMeta<Status>> = Deal::history(client, id, |f| f.stage()).await?;
    let _: Vec<WithMeta<attio::ActorReference>> = Deal::history(client, id, |f| f.owner()).await?;
    Deal::delete(client, id).await?;

    let _: Vec<Record<Deal>> = Deal::query()
        .filter(|f| {
            f.stage().eq_title("Lead")
                | (f.name().contains("big") & !f.tags().is_empty())
                | f.value().gte(attio::Currency::from_f64(10.0).unwrap())
                | f.last_email_interaction().interacted_at().lt("2024-01-01T00:00:00Z".parse().unwrap())
        })
        .sort(|f| f.name().asc())
        .limit(10)
        .offset(5)
        .collect_all(client)
        .await?;
    let _: Option<Record<Deal>> = Deal::query().first(client).await?;

    let _: Record<Deal> = Deal::changes()
        .set_name("x")
        .set_stage(Status::by_title("Won 🎉").unwrap())
        .clear_value()
        .append_associated_people(Vec::<attio::RecordReference>::new())
        .replace_tags([SelectOption::by_title("a").unwrap()])
        .clear_tags()
        .apply(client, id)
        .await?;
    Ok(())
}

fn main() {
    let f = Deal::fields();
    assert_eq!(f.stage().slug(), "stage");
}
