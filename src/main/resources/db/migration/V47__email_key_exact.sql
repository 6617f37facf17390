-- Issue 20: one registration per address and event, the address compared lower-cased (DelegateInput.emailKey) and
-- otherwise exactly. The table's default collation also folded accents, and differently on MySQL 8
-- (utf8mb4_0900_ai_ci: müller = muller, ß = ss) and MariaDB (utf8mb4_general_ci: ß = s), so two people could not
-- register with two different addresses. The binary collation compares the key as the application does, on both.
-- (COLLATE after NOT NULL: the order MySQL, MariaDB and H2 all read.)
ALTER TABLE registration MODIFY COLUMN email_key VARCHAR(254) NOT NULL COLLATE utf8mb4_bin;
