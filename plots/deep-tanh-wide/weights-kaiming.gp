# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-kaiming.gp` in this folder (reads weights-kaiming.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-kaiming.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'Kaiming uniform (tanh gain): each layer'."'".'s weights where'."\n".'training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.008906547725200654
set xrange [-0.23934417590498924:0.2505159489810467]
set xtics 0.1
plot 'weights-kaiming.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.01008205235004425
set xrange [-0.27760046273469924:0.2769124165177345]
set xtics 0.2
plot 'weights-kaiming.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.01021298885345459
set xrange [-0.28604461550712584:0.2756697714328766]
set xtics 0.2
plot 'weights-kaiming.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.009999834299087525
set xrange [-0.2807688683271408:0.26922201812267305]
set xtics 0.2
plot 'weights-kaiming.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.009253304302692413
set xrange [-0.25617517307400706:0.2527565635740757]
set xtics 0.1
plot 'weights-kaiming.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.009523968100547791
set xrange [-0.2674950912594795:0.25632315427064895]
set xtics 0.1
plot 'weights-kaiming.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.009577410519123078
set xrange [-0.25392298176884653:0.27283459678292277]
set xtics 0.1
plot 'weights-kaiming.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.009079823791980744
set xrange [-0.24840245619416237:0.2509878523647785]
set xtics 0.1
plot 'weights-kaiming.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.007560008764266967
set xrange [-0.20916332304477692:0.2066371589899063]
set xtics 0.1
plot 'weights-kaiming.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
