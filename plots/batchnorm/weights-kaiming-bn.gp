# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-kaiming-bn.gp` in this folder (reads weights-kaiming-bn.dat).
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
set output 'weights-kaiming-bn.png'
set style fill solid 0.5 noborder
set grid
set multiplot layout 3,3 title 'Kaiming normal + BN: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.00965200424194336
set xrange [-0.2343254244327545:0.26757879614830016]
set xtics 0.1
plot 'weights-kaiming-bn.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.018359801173210143
set xrange [-0.4698379248380661:0.48487173616886137]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.020683302879333496
set xrange [-0.5539949083328247:0.5215368413925171]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.01845721960067749
set xrange [-0.4854138648509979:0.47436155438423155]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.019065500497817994
set xrange [-0.5023722958564758:0.4890337300300598]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.01864889919757843
set xrange [-0.47160044968128206:0.49814230859279635]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.019856274724006653
set xrange [-0.45750132262706755:0.5750249630212784]
set xtics 0.2
plot 'weights-kaiming-bn.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
