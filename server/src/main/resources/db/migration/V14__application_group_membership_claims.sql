-- Issue 9: which group memberships an app registration's tokens carry (Graph's groupMembershipClaims: None,
-- SecurityGroup, DirectoryRole, All); null when never set, as Graph shows a new application.
ALTER TABLE application ADD COLUMN group_membership_claims VARCHAR(16);
