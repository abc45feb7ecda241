package io.github.junitxdist.examples.backend.transfer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored transfers. */
public interface TransferRepository extends JpaRepository<Transfer, Long> {

    /** Transfers into or out of the account, oldest first. */
    @Query("select t from Transfer t where t.fromAccount = :account or t.toAccount = :account order by t.id")
    List<Transfer> involving(@Param("account") long account);

    /** Fees the account has paid so far. */
    @Query("select coalesce(sum(t.feeCents), 0) from Transfer t where t.fromAccount = :account")
    long feesPaidCents(@Param("account") long account);
}
