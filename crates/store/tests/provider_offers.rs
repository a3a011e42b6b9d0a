//! A provider sees all of its own offers, unlisted ones too, newest first, and nobody else's.

use socert_domain::registry::{AdmissionEvent, LegalForm};
use socert_domain::{Country, Money};
use socert_store::audit::Actor;
use socert_store::registry::{Accessibility, Location, NewOffer, NewProvider};
use socert_store::scratch::ScratchDatabase;
use socert_store::{PageRequest, ServiceFilter, demo};

fn provider(tax_id: &str, registration: &str) -> NewProvider {
    let location = Location {
        address: "г. Хабаровск, ул. Ленина, д. 1".into(),
        municipality: "Хабаровск".into(),
        latitude: None,
        longitude: None,
    };
    NewProvider {
        legal_form: LegalForm::Ngo,
        full_name: "АНО «Тест»".into(),
        short_name: "АНО «Тест»".into(),
        country: Country::Russia,
        tax_id: tax_id.into(),
        registration_number: registration.into(),
        phone: "+7 4212 00-00-00".into(),
        email: "test@example.org".into(),
        website: String::new(),
        description: String::new(),
        location,
        bank_account: "40703810000000000001".into(),
        bank_id: "040813608".into(),
        licences: vec![],
    }
}

async fn own_offers_only(database: ScratchDatabase) {
    let store = socert_store::open(&database.url).await.unwrap();
    store.migrate().await.unwrap();
    demo::load(store.as_ref()).await.unwrap();
    let actor = Actor::system("test");
    let authority = store.list_authorities().await.unwrap().remove(0);
    let service = store
        .services(
            authority.id,
            &ServiceFilter::default(),
            &PageRequest {
                after: None,
                limit: 1,
            },
        )
        .await
        .unwrap()
        .items
        .remove(0);
    let (ours, _) = store
        .import_provider(
            provider("7707083893", "1027700132195"),
            authority.id,
            &[service.id],
            &actor,
        )
        .await
        .unwrap();
    let (theirs, _) = store
        .import_provider(
            provider("7736050003", "1027700070518"),
            authority.id,
            &[service.id],
            &actor,
        )
        .await
        .unwrap();
    let offer = |provider_id, title: &str| NewOffer {
        provider_id,
        authority_id: authority.id,
        service_id: service.id,
        titles: [title.to_owned(), String::new(), String::new()],
        description: String::new(),
        price: Money::from_minor(65_000, authority.currency),
        capacity: 3,
        schedule: String::new(),
        location: provider("7707083893", "").location,
        age_min: None,
        age_max: Some(17),
        accessibility: Accessibility {
            wheelchair: true,
            ..Default::default()
        },
        languages: vec!["ru".into()],
    };
    let first = store
        .publish_offer(offer(ours, "Первое"), "первое".into(), &actor)
        .await
        .unwrap();
    let second = store
        .publish_offer(offer(ours, "Второе"), "второе".into(), &actor)
        .await
        .unwrap();
    store
        .publish_offer(offer(theirs, "Чужое"), "чужое".into(), &actor)
        .await
        .unwrap();
    let found = store.offers_of_provider(ours).await.unwrap();
    assert_eq!(found, vec![second.clone(), first.clone()]);
    // Suspended: the offers leave the search but stay in the provider's own list.
    let admission = store.admissions_of_provider(ours).await.unwrap().remove(0);
    store
        .decide_admission(
            authority.id,
            admission.id,
            AdmissionEvent::Suspend,
            Some("проверка".into()),
            &actor,
        )
        .await
        .unwrap();
    assert_eq!(store.offers_of_provider(ours).await.unwrap().len(), 2);
    assert!(
        store
            .offers_of_provider(uuid::Uuid::now_v7())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn sqlite() {
    own_offers_only(ScratchDatabase::sqlite().unwrap()).await;
}

#[tokio::test]
async fn postgres() {
    own_offers_only(ScratchDatabase::postgres_for_tests().await.unwrap()).await;
}
