# Frontline benchmark: RT 5 "initialdata" adding 1000 tickets to a database
# already seeded with seed.pl (tickets 1-24), so the new ones are 25-1024.
#
# Used once by `rt-server.sh bench-db`, which caches the result.
# Every ticket: queue Support, one customer requestor (cycling through the 8
# seed.pl customers), Channel cycling through the 7 values, a first message of
# 20-60 words in the customer's language (en/tr/fa); ticket 25+i gets one
# reply by agent1 when i % 10 < 3 (30 %, status then "open", else "new").
# Nobody owns them. The content is fixed (a small LCG, no rand()).
# Tickets are back-dated to one every 23 s from 6.5 hours before the seed ran.
use strict;
use warnings;
use utf8;

our (@Final);

my $COUNT = 1000;
my @CHANNELS = qw(email chat phone social marketplace web api);
my @customers = (
    [ 'emily.carter@customer.test',   'Emily Carter',   'en' ],
    [ 'james.wilson@customer.test',   'James Wilson',   'en' ],
    [ 'olivia.bennett@customer.test', 'Olivia Bennett', 'en' ],
    [ 'mehmet.demir@customer.test',   'Mehmet Demir',   'tr' ],
    [ 'zeynep.celik@customer.test',   'Zeynep Çelik',   'tr' ],
    [ 'aysegul.ozturk@customer.test', 'Ayşegül Öztürk', 'tr' ],
    [ 'sara.mohammadi@customer.test', 'سارا محمدی',     'fa' ],
    [ 'reza.ahmadi@customer.test',    'رضا احمدی',      'fa' ],
);

my %subjects = (
    en => [
        'Question about order #%s', 'Refund for order #%s', 'Order #%s arrived damaged',
        'Delivery date for order #%s', 'Wrong size in order #%s', 'Invoice needed for order #%s',
        'Cannot track order #%s', 'Cancel order #%s, please',
    ],
    tr => [
        '%s numaralı siparişim nerede?', 'İade talebi: sipariş %s', 'Ürün hasarlı geldi (%s)',
        'Fatura talebi: sipariş %s', 'Beden değişimi, sipariş %s', '%s numaralı siparişi iptal etmek istiyorum',
        'Kargo takip numarası çalışmıyor (%s)', 'Ödeme iki kez çekildi, sipariş %s',
    ],
    fa => [
        'سفارش %s کجاست؟', 'درخواست مرجوعی سفارش %s', 'کالای سفارش %s آسیب‌دیده رسید',
        'درخواست فاکتور برای سفارش %s', 'تعویض سایز سفارش %s', 'لغو سفارش %s',
        'کد رهگیری سفارش %s کار نمی‌کند', 'مبلغ سفارش %s دو بار کسر شد',
    ],
);

# sentences of 5-10 words
my %sentences = (
    en => [
        'I placed the order last week through your website.',
        'The tracking page has not changed for three days.',
        'Could you please tell me when it will arrive?',
        'The box was damaged and one item is broken.',
        'I would like a refund to my original card.',
        'My card was charged but I got no confirmation.',
        'The size is too small, I need a larger one.',
        'Please send the invoice to this email address.',
        'I have been a customer for years and never had problems.',
        'Your chat assistant could not answer my question.',
        'Thank you in advance for your help.',
        'I need it before the weekend if possible.',
    ],
    tr => [
        'Siparişi geçen hafta web sitenizden verdim.',
        'Kargo takip sayfası üç gündür hiç değişmedi.',
        'Ne zaman teslim edileceğini söyleyebilir misiniz?',
        'Kutu ezik geldi ve ürünlerden biri kırık.',
        'Ödediğim tutarın kartıma iade edilmesini istiyorum.',
        'Kartımdan çekim yapıldı ama onay e-postası gelmedi.',
        'Beden küçük geldi, bir büyüğüyle değiştirmek istiyorum.',
        'Faturayı bu e-posta adresine gönderebilir misiniz?',
        'Yıllardır müşterinizim ve ilk kez böyle bir sorun yaşıyorum.',
        'Canlı destek sorumu yanıtlayamadı, bu yüzden yazıyorum.',
        'Şimdiden yardımınız için teşekkür ederim.',
        'Mümkünse hafta sonundan önce elime ulaşması gerekiyor.',
    ],
    fa => [
        'سفارش را هفته گذشته از سایت شما ثبت کردم.',
        'صفحه رهگیری سه روز است که تغییری نکرده است.',
        'لطفاً بگویید سفارش من کی به دستم می‌رسد.',
        'جعبه آسیب دیده بود و یکی از کالاها شکسته است.',
        'می‌خواهم مبلغ به کارت خودم برگردانده شود.',
        'از کارتم پول کسر شد ولی تأییدیه‌ای نگرفتم.',
        'سایز کوچک است و یک سایز بزرگ‌تر لازم دارم.',
        'لطفاً فاکتور را به همین ایمیل بفرستید.',
        'سال‌هاست مشتری شما هستم و تا حالا مشکلی نداشتم.',
        'پشتیبانی آنلاین نتوانست به سؤال من پاسخ دهد.',
        'پیشاپیش از کمک شما سپاسگزارم.',
        'اگر ممکن است قبل از آخر هفته به دستم برسد.',
    ],
);

my %replies = (
    en => "Hello,\n\nThank you for contacting us. I have checked your order and passed it to the right team; you will hear from us within one business day.\n\nBest regards,\nAyşe",
    tr => "Merhaba,\n\nBize ulaştığınız için teşekkür ederiz. Siparişinizi kontrol ettim ve ilgili ekibe ilettim; bir iş günü içinde size dönüş yapacağız.\n\nİyi günler,\nAyşe",
    fa => "سلام،\n\nاز تماس شما سپاسگزاریم. سفارش شما را بررسی کردم و به واحد مربوط فرستادم؛ ظرف یک روز کاری با شما تماس می‌گیریم.\n\nبا احترام،\nآیشه",
);

my $mime = sub {
    my (%m) = @_;
    require MIME::Entity;
    require Encode;
    my $enc = sub { Encode::encode( 'UTF-8', $_[0] ) };
    return MIME::Entity->build(
        ( map { defined $m{$_} ? ( $_ => $enc->( $m{$_} ) ) : () } qw(From Subject) ),
        Type     => 'text/plain',
        Charset  => 'UTF-8',
        Encoding => 'quoted-printable',
        Data     => [ $enc->( $m{Body} ) ],
    );
};

@Final = (
    sub {
        my $dbh = $RT::Handle->dbh;
        # a throw-away DB that is checked and cached afterwards: no fsync per commit
        $dbh->do('PRAGMA synchronous = OFF');
        my $max_txn = sub { scalar $dbh->selectrow_array('SELECT MAX(id) FROM Transactions') || 0 };

        my %cu;
        my $as = sub {
            my $name = shift;
            return $cu{$name} ||= do {
                my $u = RT::CurrentUser->new;
                $u->Load($name);
                die "seed-bench: no user $name (load seed.pl first)\n" unless $u->Id;
                $u;
            };
        };
        my $cfs = RT::CustomFields->new( RT->SystemUser );
        $cfs->Limit( FIELD => 'Name', VALUE => 'Channel', CASESENSITIVE => 0 );
        $cfs->LimitToLookupType( RT::Ticket->CustomFieldLookupType );
        my $channel_cf = $cfs->First or die "seed-bench: no Channel custom field (load seed.pl first)\n";

        my $unpriv = RT::Group->new( RT->SystemUser );
        $unpriv->LoadSystemInternalGroup('Unprivileged');
        my @customer_rights = qw(CreateTicket ReplyToTicket ShowTicket SeeCustomField SetInitialCustomField);
        for my $right (@customer_rights) {
            my ( $ok, $msg ) = $unpriv->PrincipalObj->GrantRight( Right => $right, Object => RT->System );
            die "seed-bench: grant $right: $msg\n" unless $ok;
        }

        my $lcg = 20240611;
        my $next = sub { $lcg = ( $lcg * 1103515245 + 12345 ) % 2147483648; int( $lcg / 65536 ) };
        my $fa_digits = sub { my $s = shift; $s =~ tr/0-9/۰-۹/; $s };

        my $now   = time;
        my $first = $now - 390 * 60;
        my @moments;
        for my $i ( 0 .. $COUNT - 1 ) {
            my ( $email, $name, $lang ) = @{ $customers[ $i % @customers ] };
            my $order   = 10000 + ( $next->() % 90000 );
            my $subject = sprintf $subjects{$lang}[ $next->() % @{ $subjects{$lang} } ],
                $lang eq 'fa' ? $fa_digits->($order) : $order;
            my $target = 20 + $next->() % 31;    # 20..50 words, plus at most one sentence
            # walk the 12 sentences from a random start with a step coprime to 12:
            # no sentence twice in one message
            my $pool = $sentences{$lang};
            my ( $pos, $step ) = ( $next->() % @$pool, (1, 5, 7, 11)[ $next->() % 4 ] );
            my ( @body, $words );
            while ( ( $words // 0 ) < $target ) {
                my $s = $pool->[$pos];
                $pos = ( $pos + $step ) % @$pool;
                push @body, $s;
                $words += () = $s =~ /\S+/g;
            }
            my $body = join( ' ', @body ) . "\n\n" . ( split / /, $name )[0];
            my $born = $first + 23 * $i;

            my $before = $max_txn->();
            my $id;
            {
                my $t = RT::Ticket->new( $as->($email) );
                ( $id, undef, my $msg ) = $t->Create(
                    Queue     => 'Support',
                    Subject   => $subject,
                    Requestor => [$email],
                    'CustomField-' . $channel_cf->Id => $CHANNELS[ $i % @CHANNELS ],
                    MIMEObj => $mime->( From => "$name <$email>", Subject => $subject, Body => $body ),
                );
                die "seed-bench: ticket $i: $msg\n" unless $id;
            }
            push @moments, [ $before + 1, $max_txn->(), $born ];

            next unless $i % 10 < 3;
            $before = $max_txn->();
            {
                my $t = RT::Ticket->new( $as->('agent1') );
                $t->Load($id);
                my ( $ok, $msg ) = $t->Correspond(
                    MIMEObj => $mime->( Subject => $subject, Body => $replies{$lang} ) );
                die "seed-bench: reply on $id: $msg\n" unless $ok;
            }
            my $when = $born + 60 * ( 4 + $i % 17 );
            $when = $now - 30 if $when > $now - 30;
            push @moments, [ $before + 1, $max_txn->(), $when ];
        }

        for my $right (@customer_rights) {
            my ( $ok, $msg ) = $unpriv->PrincipalObj->RevokeRight( Right => $right, Object => RT->System );
            die "seed-bench: revoke $right: $msg\n" unless $ok;
        }

        my $iso = sub {
            my @t = gmtime shift;
            sprintf '%04d-%02d-%02d %02d:%02d:%02d', $t[5] + 1900, $t[4] + 1, @t[ 3, 2, 1, 0 ];
        };
        my $min_ticket = $dbh->selectrow_array(
            q{SELECT MIN(ObjectId) FROM Transactions WHERE ObjectType = 'RT::Ticket' AND id >= ?},
            undef, $moments[0][0] );
        $dbh->begin_work;
        for my $m (@moments) {
            my ( $from, $to, $when ) = @$m;
            next if $to < $from;
            $dbh->do( 'UPDATE Transactions SET Created = ? WHERE id BETWEEN ? AND ?',
                undef, $iso->($when), $from, $to );
            $dbh->do( 'UPDATE Attachments SET Created = ? WHERE TransactionId BETWEEN ? AND ?',
                undef, $iso->($when), $from, $to );
        }
        my $txn_time = q{(SELECT %s(x.Created) FROM Transactions x WHERE x.ObjectType = 'RT::Ticket' AND x.ObjectId = Tickets.id %s)};
        my $created  = sprintf $txn_time, 'MIN', q{AND x.Type = 'Create'};
        my $last     = sprintf $txn_time, 'MAX', '';
        my $started  = sprintf $txn_time, 'MIN', q{AND x.Type = 'Status'};
        my $told     = sprintf $txn_time, 'MAX', q{AND x.Type = 'Correspond'};
        my $unset    = q{'1970-01-01 00:00:00'};
        $dbh->do("UPDATE Tickets SET Created = $created, LastUpdated = $last,
                  Started = CASE WHEN Started > $unset THEN COALESCE($started, $created) ELSE Started END,
                  Told = CASE WHEN Told > $unset THEN COALESCE($told, Told) ELSE Told END
                  WHERE id >= ?", undef, $min_ticket);
        $dbh->do(q{UPDATE ObjectCustomFieldValues SET
                   Created = (SELECT t.Created FROM Tickets t WHERE t.id = ObjectId),
                   LastUpdated = (SELECT t.Created FROM Tickets t WHERE t.id = ObjectId)
                   WHERE ObjectType = 'RT::Ticket' AND ObjectId >= ?}, undef, $min_ticket);
        $dbh->commit;
        $dbh->do('PRAGMA synchronous = FULL');
    },
);

1;
