package org.investflow.signing.config;

import java.util.List;

import org.investflow.platform.domain.CaseId;
import org.investflow.signing.mail.MailCipher;
import org.investflow.signing.mail.persistence.SealedMails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Value types as MongoDB stores them: a {@link CaseId} is its plain string, so documents and queries keep
 * {@code caseId: "CQ-…"}; a queued mail keeps its body sealed ({@link SealedMails}).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions(MailEncryptionProperties mailEncryption) {
        MailCipher cipher = MailCipher.of(mailEncryption.key());
        return new MongoCustomConversions(List.of(new CaseIdToString(), new StringToCaseId(),
                new SealedMails.Sealing(cipher), new SealedMails.Opening(cipher)));
    }

    @WritingConverter
    static final class CaseIdToString implements Converter<CaseId, String> {
        @Override
        public String convert(CaseId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class StringToCaseId implements Converter<String, CaseId> {
        @Override
        public CaseId convert(String source) {
            return CaseId.of(source);
        }
    }
}
