-- Issue 10: support requests opened on a cloud subscription (ARM's Microsoft.Support/supportTickets). They belong to
-- the subscription, so they move with it to another directory (R11).

CREATE TABLE support_ticket (
    id                         UUID PRIMARY KEY,
    subscription_id            UUID NOT NULL REFERENCES cloud_subscription (id),
    name                       VARCHAR(64)   NOT NULL,
    ticket_number              VARCHAR(16)   NOT NULL,
    title                      VARCHAR(200)  NOT NULL,
    description                VARCHAR(5000) NOT NULL,
    service_id                 VARCHAR(256)  NOT NULL,
    problem_classification_id  VARCHAR(256)  NOT NULL,
    severity                   VARCHAR(32)   NOT NULL,
    status                     VARCHAR(16)   NOT NULL,
    first_name                 VARCHAR(64)   NOT NULL,
    last_name                  VARCHAR(64)   NOT NULL,
    email                      VARCHAR(320)  NOT NULL,
    contact_method             VARCHAR(8)    NOT NULL,
    phone                      VARCHAR(32),
    time_zone                  VARCHAR(64),
    country                    VARCHAR(3),
    language                   VARCHAR(16),
    created_by                 UUID,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT support_ticket_name UNIQUE (subscription_id, name),
    CONSTRAINT support_ticket_number UNIQUE (ticket_number)
);
CREATE INDEX support_ticket_subscription ON support_ticket (subscription_id, created_at);
